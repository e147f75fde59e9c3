# CRM Service v2 — developer entry points. `make run` and `make test` are all a fresh clone needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        ?= .venv
PY          := $(VENV)/bin/python
PIP         := $(VENV)/bin/pip
GOBIN       ?= $(shell go env GOPATH 2>/dev/null)/bin
BUF_VERSION ?= v1.50.0
GRPCURL_VERSION ?= v1.9.4
GHZ_VERSION ?= v0.120.0
PROTOC_GEN_GO_VERSION ?= v1.36.10
PROTOC_GEN_GO_GRPC_VERSION ?= v1.5.1
PROTOC_GEN_ES_VERSION ?= 2.13.0
PROTOC_GEN_DOC_VERSION ?= v1.5.1
GRPC_GATEWAY_VERSION ?= v2.34.0
GATEWAY_TEMPLATE := deploy/gateway/buf.gen.yaml
PROTO_FILES := $(sort $(wildcard protos/crm/v2/*.proto))
PROTO_DEPS  := build/proto-deps

.PHONY: help setup tools protos protos-check proto-deps lint proto-lint breaking typecheck stubs gateway run-gateway openapi-check run test test-tools test-unit test-pgbouncer fuzz bench bench-ab bench-areas soak services services-stop clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@ $(VENV)/.installed-serve

# What serving needs and nothing more (make run); the dev tools come with make setup/test/lint.
$(VENV)/.installed-serve: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

setup: $(VENV)/.installed ## create .venv and install the service with its dev tools

proto-deps: $(VENV)/.installed ## stage google/type, google/rpc and google/api protos from googleapis-common-protos
	@site=$$($(PY) -c 'import google.type.money_pb2 as m, pathlib; print(pathlib.Path(m.__file__).parents[2])'); \
	rm -rf $(PROTO_DEPS) && mkdir -p $(PROTO_DEPS)/google/type $(PROTO_DEPS)/google/rpc $(PROTO_DEPS)/google/api && \
	cp $$site/google/type/*.proto $(PROTO_DEPS)/google/type/ && cp $$site/google/rpc/*.proto $(PROTO_DEPS)/google/rpc/ && \
	cp $$site/google/api/*.proto $(PROTO_DEPS)/google/api/

protos: $(VENV)/.installed $(GOBIN)/protoc-gen-doc ## regenerate generated/ and docs/api.md from protos/
	rm -rf generated && mkdir -p generated
	PATH="$(GOBIN):$$PATH" $(PY) scripts/gen_protos.py generated docs
	$(PY) scripts/gen_event_docs.py docs/events.md

protos-check: $(VENV)/.installed $(GOBIN)/protoc-gen-doc ## fail when generated/ or docs/api.md is stale
	@tmp=$$(mktemp -d) && PATH="$(GOBIN):$$PATH" $(PY) scripts/gen_protos.py $$tmp/generated $$tmp/docs && \
	if diff -r -q -x __pycache__ $$tmp/generated generated >/dev/null && diff -q $$tmp/docs/api.md docs/api.md >/dev/null; \
	then echo "generated/ and docs/api.md are up to date"; rm -rf $$tmp; \
	else diff -r -q -x __pycache__ $$tmp/generated generated; diff -q $$tmp/docs/api.md docs/api.md; rm -rf $$tmp; \
	echo "generated/ or docs/api.md is stale: run 'make protos'"; exit 1; fi

$(GOBIN)/buf:
	GOFLAGS=-mod=mod go install github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION)

$(GOBIN)/grpcurl:
	GOFLAGS=-mod=mod go install github.com/fullstorydev/grpcurl/cmd/grpcurl@$(GRPCURL_VERSION)

$(GOBIN)/protoc-gen-go:
	GOFLAGS=-mod=mod go install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)

$(GOBIN)/protoc-gen-go-grpc:
	GOFLAGS=-mod=mod go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@$(PROTOC_GEN_GO_GRPC_VERSION)

build/tools/node_modules/.bin/protoc-gen-es:
	mkdir -p build/tools && npm install --silent --no-audit --no-fund --prefix build/tools @bufbuild/protoc-gen-es@$(PROTOC_GEN_ES_VERSION)

stubs: proto-deps $(GOBIN)/buf $(GOBIN)/protoc-gen-go $(GOBIN)/protoc-gen-go-grpc build/tools/node_modules/.bin/protoc-gen-es ## Go (clients/go/gen) and TypeScript (build/gen/ts) stubs from buf.gen.yaml
	PATH="$(GOBIN):$$PATH" $(GOBIN)/buf generate --path protos/crm --path third_party/protovalidate/buf
	cd clients/go && go build -o ../../build/bin/crm-example .

$(GOBIN)/protoc-gen-grpc-gateway:
	GOFLAGS=-mod=mod go install github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-grpc-gateway@$(GRPC_GATEWAY_VERSION)

$(GOBIN)/protoc-gen-openapiv2:
	GOFLAGS=-mod=mod go install github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-openapiv2@$(GRPC_GATEWAY_VERSION)

GATEWAY_PLUGINS := $(GOBIN)/buf $(GOBIN)/protoc-gen-go $(GOBIN)/protoc-gen-go-grpc $(GOBIN)/protoc-gen-grpc-gateway $(GOBIN)/protoc-gen-openapiv2

gateway: proto-deps $(GATEWAY_PLUGINS) ## the REST gateway (grpc-gateway, Go) into build/bin/crm-gateway, and docs/openapi from the protos
	rm -rf deploy/gateway/gen
	PATH="$(GOBIN):$$PATH" $(GOBIN)/buf generate --template $(GATEWAY_TEMPLATE) --path protos/crm --path third_party/protovalidate/buf
	cd deploy/gateway && go build -o ../../build/bin/crm-gateway .

run-gateway: gateway ## serve REST on 127.0.0.1:8080 (GATEWAY_PORT) in front of `make run` (CRM_TARGET, default 127.0.0.1:8004)
	build/bin/crm-gateway

openapi-check: proto-deps $(GATEWAY_PLUGINS) ## fail when docs/openapi is stale
	@tmp=$$(mktemp -d) && PATH="$(GOBIN):$$PATH" $(GOBIN)/buf generate --template $(GATEWAY_TEMPLATE) --path protos/crm --path third_party/protovalidate/buf -o $$tmp && \
	if diff -r -q $$tmp/docs/openapi docs/openapi >/dev/null; then echo "docs/openapi is up to date"; rm -rf $$tmp; \
	else diff -r -q $$tmp/docs/openapi docs/openapi; rm -rf $$tmp; echo "docs/openapi is stale: run 'make gateway'"; exit 1; fi

$(GOBIN)/protoc-gen-doc:
	GOFLAGS=-mod=mod go install github.com/pseudomuto/protoc-gen-doc/cmd/protoc-gen-doc@$(PROTOC_GEN_DOC_VERSION)

$(GOBIN)/ghz:
	GOFLAGS=-mod=mod go install github.com/bojand/ghz/cmd/ghz@$(GHZ_VERSION)

proto-lint: proto-deps $(GOBIN)/buf ## buf lint of the contract
	$(GOBIN)/buf lint

breaking: proto-deps $(GOBIN)/buf ## buf breaking against the latest release tag (v2.*; v2.0.0's commit without tags)
	BUF=$(GOBIN)/buf scripts/proto_breaking.sh

typecheck: $(VENV)/.installed ## mypy: strict for engines/ and domain/, normal elsewhere (pyproject.toml)
	$(VENV)/bin/mypy

lint: proto-lint breaking protos-check openapi-check typecheck ## proto lint, breaking-change check, stale-stub and OpenAPI checks, mypy, ruff
	$(VENV)/bin/ruff check engines domain storage server clients tests scripts

run: $(VENV)/.installed-serve ## serve on the embedded default (SQLite, no Kafka); prints examples once bound
	$(VENV)/bin/crm-server --hint

tools: $(GOBIN)/grpcurl $(GOBIN)/ghz $(GOBIN)/buf ## grpcurl, ghz and buf from the Go module proxy into $(GOBIN)
	@echo "installed into $(GOBIN): grpcurl, ghz, buf (add it to PATH)"

test-tools: $(VENV)/.installed ## Kafka broker jars (Maven Central), grpcurl and ghz (Go proxy), when java/mvn/go exist
	@echo "test tools: Kafka jars, grpcurl, ghz, buf stubs (built once, then cached; the first time takes minutes)"
	@if command -v java >/dev/null && command -v mvn >/dev/null; then deploy/kafka/kafka.sh resolve >/dev/null; \
	else echo "java/mvn missing: Kafka tests will skip (CI installs them)"; fi
	@if command -v go >/dev/null; then $(MAKE) -s $(GOBIN)/grpcurl $(GOBIN)/ghz; \
	else echo "go missing: grpcurl and ghz tests will skip (CI installs them)"; fi
	@if command -v go >/dev/null && command -v npm >/dev/null; then $(MAKE) -s stubs; \
	else echo "go or npm missing: the Go client test will skip"; fi
	@if command -v go >/dev/null; then $(MAKE) -s gateway; \
	else echo "go missing: the REST gateway tests will skip"; fi

test: test-tools ## install what the tests need and run them all (PostgreSQL and Kafka included)
	PATH="$(GOBIN):$$PATH" $(VENV)/bin/pytest -q

test-unit: $(VENV)/.installed ## the fast tier: engines and mapping, no servers
	$(VENV)/bin/pytest -q tests/unit

# The smoke set: the PostgreSQL half of these integration tests, with the server reaching PostgreSQL through a
# private PgBouncer in transaction mode (deploy/pgbouncer/pgbouncer.sh; Debian package pgbouncer).
PGBOUNCER_SMOKE := tests/integration/test_leads.py tests/integration/test_products.py \
	tests/integration/test_orders.py tests/integration/test_inventory.py tests/integration/test_events.py
test-pgbouncer: $(VENV)/.installed ## the smoke set of the integration suite through PgBouncer (transaction mode)
	CRM_TEST_VIA_PGBOUNCER=1 $(VENV)/bin/pytest -q -p no:cacheprovider -k postgres $(PGBOUNCER_SMOKE)

bench: $(VENV)/.installed ## the cost of a call (issue 15) into BENCHMARKS.md: ~25 min; BENCH_QUICK=1 for a few
	PATH="$(GOBIN):$$PATH" $(PY) -m tests.bench.bench

bench-ab: $(VENV)/.installed ## the working tree beside AB_BASE (default HEAD), call by call, server CPU per call (tests/bench/ab.py)
	PATH="$(GOBIN):$$PATH" $(PY) -m tests.bench.ab

bench-areas: $(VENV)/.installed ## the areas' own PostgreSQL benchmarks (bulk updates, deep pages, dashboard, …)
	PATH="$(GOBIN):$$PATH" $(VENV)/bin/pytest -q -s tests/bench -p no:cacheprovider

soak: $(VENV)/.installed ## memory soak at half the measured throughput (SOAK_SECONDS, default 600) into BENCHMARKS.md
	PATH="$(GOBIN):$$PATH" $(PY) -m tests.bench.soak

# CI runs the fuzz at its default size with a fixed seed (2,150 requests per backend); this is the long run.
FUZZ_EXAMPLES ?= 400
fuzz: $(VENV)/.installed ## the hostile-input fuzz, larger and freshly seeded (FUZZ_EXAMPLES=400; CRM_FUZZ_SEED=n replays a run)
	@seed=$${CRM_FUZZ_SEED:-$$(date +%s)}; echo "fuzz: seed $$seed, $(FUZZ_EXAMPLES) random requests per RPC and backend"; \
	CRM_FUZZ_SEED=$$seed CRM_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) CRM_FUZZ_BYTES=20 \
	$(VENV)/bin/pytest -q -p no:cacheprovider tests/integration/test_hostile_fuzz.py \
	|| { echo "fuzz failed: replay with CRM_FUZZ_SEED=$$seed make fuzz"; exit 1; }

services: ## start a local PostgreSQL (database crm: owner crm_owner migrates, role crm serves) and Kafka under var/
	deploy/postgres/postgres.sh start var/postgres 55432
	deploy/postgres/postgres.sh provision 55432 crm crm crm_owner
	deploy/kafka/kafka.sh start var/kafka 59092
	@echo "Export these, then run crm-server (or make run):"
	@echo "  export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=55432 POSTGRES_USER=crm POSTGRES_MIGRATION_USER=crm_owner POSTGRES_DB=crm KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:59092"
	@echo "Read a topic: deploy/kafka/kafka.sh consume 127.0.0.1:59092 crm.leads"

services-stop: ## stop what `make services` started
	-deploy/kafka/kafka.sh stop var/kafka
	-deploy/postgres/postgres.sh stop var/postgres

clean: ## remove build outputs and the embedded database
	rm -rf build var *.egg-info crm.db
