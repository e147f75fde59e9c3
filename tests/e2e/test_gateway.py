"""The REST gateway (deploy/gateway, grpc-gateway) as a real process in front of a real crm-server process on
PostgreSQL: the prototype README's examples run as written, the contract's REST paths, and errors as
HTTP statuses with the google.rpc.Status body."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from tests.conftest import PostgresDatabases, unavailable
from tests.e2e.test_process import SERVER, server_env
from tests.support.certificates import make_certificates
from tests.support.ports import free_port, wait_for_port

REPO = Path(__file__).resolve().parents[2]
GATEWAY = REPO / "build" / "bin" / "crm-gateway"
# The prototype REST service's README, kept in the repository so that this check runs wherever the tests do.
PROTOTYPE_README = REPO / "docs" / "reference" / "prototype-README.md"
README_HOST = "http://localhost:8004"

# The prototype README's "Integration Examples", verbatim (test_the_examples_are_the_readmes_own checks them
# against the README where it is at hand); only README_HOST is replaced, by the gateway's address.
CREATE_PRODUCT = """\
import requests

product_data = {
    "tenant_id": 1,
    "asin": "B08N5WRWNW",
    "sku": "FIT-001",
    "title": "Smart Fitness Tracker",
    "category": "fitness",
    "source_price": 49.99,
    "description": "Advanced health monitoring device"
}

response = requests.post("http://localhost:8004/products", json=product_data)
product = response.json()
print(f"Product classified as: {product['ai_metrics']['classification']}")
"""
CROSS_SELL = """\
product_id = "your-product-uuid"
recommendations = requests.post(
    f"http://localhost:8004/products/{product_id}/cross-sell",
    params={"recommendation_type": "upsell", "limit": 5}
).json()

for rec in recommendations["recommendations"]:
    print(f"Recommend: {rec['title']} (Confidence: {rec['confidence']})")
"""
INVENTORY_ALERTS = """\
alerts = requests.get(
    "http://localhost:8004/analytics/inventory-alerts",
    params={"tenant_id": 1, "alert_type": "all"}
).json()

print(f"Critical alerts: {alerts['summary']['critical_alerts']}")
print(f"Reorder cost: ${alerts['summary']['total_estimated_reorder_cost']}")
"""


@pytest.fixture(scope="module")
def backend(postgres: PostgresDatabases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """crm-server as a process on a PostgreSQL database of its own (tenant 1 is the README's)."""
    port = free_port()
    env = server_env(tmp_path_factory.mktemp("gateway"), PORT=str(port), SHUTDOWN_GRACE_SECONDS="2")
    env["DATABASE_URL"] = postgres.new_database("gateway")
    env["MIGRATION_DATABASE_URL"] = postgres.migration_url(env["DATABASE_URL"])  # the service may not migrate
    process = subprocess.Popen(SERVER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(20)


@pytest.fixture(scope="module")
def gateway(backend: str) -> Iterator[str]:
    """crm-gateway as a process proxying to `backend`; its base URL."""
    if not GATEWAY.exists():
        unavailable("the REST gateway is not built (make gateway builds it; make test-tools runs it)")
    port = free_port()
    env = {**os.environ, "GATEWAY_PORT": str(port), "CRM_TARGET": backend}
    process = subprocess.Popen([str(GATEWAY)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port("127.0.0.1", port, timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(20)


def run_example(code: str, gateway: str, namespace: dict[str, object]) -> list[str]:
    """Run a README example as written (but for the host) in `namespace`; the lines it prints."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code.replace(README_HOST, gateway), "prototype-README.md", "exec"), namespace)
    return printed.getvalue().splitlines()


def test_the_prototype_readmes_python_examples_work_as_written(gateway):
    namespace: dict[str, object] = {}
    (classified,) = run_example(CREATE_PRODUCT, gateway, namespace)
    product = namespace["product"]
    assert isinstance(product, dict) and namespace["response"].status_code == 200  # type: ignore[attr-defined]
    assert classified == f"Product classified as: {product['ai_metrics']['classification']}"
    assert product["ai_metrics"]["classification"] in {"hero", "good", "moderate", "poor"}
    assert product["pricing"]["source_price"] == 49.99 and product["tenant_id"] == "1"

    # an upsell for it: same category, active, in stock, priced 1.2-3x its selling price
    upsell = requests.post(
        f"{gateway}/products",
        json={
            "tenant_id": 1,
            "sku": "FIT-PRO-002",
            "title": "Pro Fitness Watch",
            "category": "fitness",
            "source_price": 89.99,
            "status": "active",
            "stock_quantity": 20,
        },
        timeout=30,
    )
    assert upsell.status_code == 200, upsell.text

    cross_sell = CROSS_SELL.replace("your-product-uuid", str(product["id"]))
    (recommended,) = run_example(cross_sell, gateway, namespace)
    assert re.fullmatch(r"Recommend: Pro Fitness Watch \(Confidence: 0\.\d+\)", recommended), recommended

    critical, cost = run_example(INVENTORY_ALERTS, gateway, namespace)
    summary = namespace["alerts"]["summary"]  # type: ignore[index]
    assert (
        critical == "Critical alerts: 1"
    )  # FIT-001 has no stock; FIT-PRO-002 has 20, above its reorder point
    assert (
        cost == f"Reorder cost: ${summary['total_estimated_reorder_cost']}"
        and summary["reorder_recommendations"] == 1
    )
    assert re.fullmatch(r"Reorder cost: \$\d+\.\d{1,2}", cost), cost


def test_the_examples_are_the_readmes_own():
    readme = PROTOTYPE_README.read_text()
    for example in (CREATE_PRODUCT, CROSS_SELL, INVENTORY_ALERTS):
        assert example.strip() in readme


def curl(*args: str) -> tuple[int, str]:
    found = shutil.which("curl")
    if found is None:
        pytest.skip("curl is not installed")
    result = subprocess.run(
        [found, "-s", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=30, check=True
    )
    body, _, code = result.stdout.rpartition("\n")
    return int(code), body


def test_the_prototype_readmes_health_and_classification_curls_work(gateway):
    code, body = curl(f"{gateway}/health")
    assert code == 200 and '"status":"healthy"' in body.replace(" ", "")
    product = requests.post(
        f"{gateway}/products",
        json={
            "tenant_id": 1,
            "sku": f"CURL-{uuid.uuid4().hex[:8]}",
            "title": "Yoga Mat",
            "category": "fitness",
            "source_price": 19.99,
        },
        timeout=30,
    ).json()
    code, body = curl(
        "-X", "POST", f"{gateway}/ai-workflows/product-classification/{product['id']}?tenant_id=1"
    )
    assert code == 200 and '"workflow_type":"product_classification"' in body.replace(" ", ""), body


def test_the_prototype_readmes_create_test_product_curl_works(gateway):
    code, body = curl(
        "-X", "POST", f"{gateway}/products", "-H", "Content-Type: application/json",
        "-d", '{"tenant_id": 1, "asin": "TEST001", "sku": "TEST-PRODUCT-001", '
        '"title": "Test Fitness Product", "category": "fitness", "source_price": 29.99}',
    )  # fmt: skip
    assert code == 200, body


OUR_README = REPO / "README.md"


def test_our_readmes_curl_lines_work_against_the_gateway(gateway):
    """The curl lines of README.md's REST block, as written but for the gateway's address."""
    block = re.search(r"```bash\nmake run .*?\n(curl .*?)```", OUR_README.read_text(), re.S)
    assert block is not None, "README.md lost its REST example block"
    script = block.group(1).replace("127.0.0.1:8080", gateway.removeprefix("http://"))
    script = script.replace("curl -s", "curl -sf")  # an HTTP error fails the line
    command = ["bash", "-euo", "pipefail", "-c", script]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"sku":"YOGA-001"' in result.stdout.replace(" ", "") and "critical_alerts" in result.stdout


def test_every_prototype_endpoint_answers_json_through_the_gateway(gateway):
    """Each of the prototype's 30 paths and verbs, called as a prototype caller would (flat JSON, tenant in
    the query or body, lower-case words), answers 200 with JSON."""
    tenant = uuid.uuid4().int % 2**53
    seen: list[str] = []

    def call(method: str, path: str, **kwargs: object) -> dict[str, object]:
        answer = requests.request(method, f"{gateway}{path}", timeout=60, **kwargs)  # type: ignore[arg-type]
        assert answer.status_code == 200, f"{method} {path}: {answer.status_code} {answer.text}"
        seen.append(f"{method} {path.split('?')[0]}")
        return answer.json()  # type: ignore[no-any-return]

    q = {"tenant_id": tenant}
    call("GET", "/health")
    lead = call(
        "POST",
        "/leads",
        json={
            "tenant_id": tenant,
            "first_name": "Ada",
            "last_name": "Lovelace",
            "email": "ada@analytical.io",
            "source": "referral",
        },
    )
    call("GET", "/leads", params={**q, "status": "new"})
    call("GET", f"/leads/{lead['id']}", params=q)
    call("GET", "/analytics/leads", params=q)
    product = call(
        "POST",
        "/products",
        json={
            "tenant_id": tenant,
            "sku": "P-1",
            "title": "Smart Fitness Tracker",
            "category": "fitness",
            "source_price": 49.99,
            "status": "active",
            "stock_quantity": 30,
        },
    )
    pid = product["id"]
    call("GET", "/products", params={**q, "classification": product["ai_metrics"]["classification"]})
    call("GET", f"/products/{pid}", params=q)
    call("PUT", f"/products/{pid}", json={"tenant_id": tenant, "description": "Now waterproof"})
    call(
        "POST",
        "/products/bulk-update",
        json={"tenant_id": tenant, "product_ids": [pid], "add_tags": ["summer"]},
    )
    order = call(
        "POST",
        "/orders",
        json={
            "tenant_id": tenant,
            "customer_email": "customer@example.com",
            "customer_name": "Grace Hopper",
            "billing_address": {"region_code": "US", "postal_code": "10001", "address_lines": ["1 Main St"]},
            "items": [{"product_id": pid, "quantity": 2}],
        },
    )
    assert order["items"][0]["total_price"] == order["items"][0]["unit_price"] * 2
    call("GET", "/orders", params={**q, "status": order["status"]})
    call("GET", f"/orders/{order['id']}", params=q)
    call("PUT", f"/orders/{order['id']}", json={"tenant_id": tenant, "status": "confirmed", "reason": "paid"})
    call("GET", "/inventory", params=q)
    call("PUT", f"/inventory/{pid}", json={"tenant_id": tenant, "adjust_by": 5, "reason": "recount"})
    call("POST", f"/inventory/{pid}/optimize", json={"tenant_id": tenant, "lead_time_days": 10})
    call("GET", "/analytics/inventory-alerts", params={**q, "alert_type": "all"})
    call(
        "POST", "/suppliers", json={"tenant_id": tenant, "name": "Shenzhen Fit", "marketplace": "aliexpress"}
    )
    call("GET", "/suppliers", params={**q, "marketplace": "aliexpress"})
    call("POST", f"/products/{pid}/recommendations", params={**q, "limit": 3})
    call("POST", f"/products/{pid}/marketing-strategy", params={**q, "monthly_budget": 500})
    call("POST", f"/products/{pid}/cross-sell", params={**q, "recommendation_type": "complement"})
    call("POST", f"/products/{pid}/optimize-pricing", params={**q, "demand_level": "high"})
    workflow = call("POST", f"/ai-workflows/product-classification/{pid}", params=q)
    call("GET", f"/ai-workflows/{workflow['workflow_id']}", params=q)
    call("GET", "/analytics/dashboard", params={**q, "days": 7})
    call("POST", "/analytics/bulk-pricing-optimization", json={"tenant_id": tenant, "all_products": True})
    events = call("GET", "/events", params={**q, "event_type": "product.created"})
    assert [e["aggregate_id"] for e in events["events"]] == [pid]  # type: ignore[index, union-attr]
    call("DELETE", f"/products/{pid}", params=q)
    assert len(set(seen)) == 30


def test_the_contract_is_served_under_the_tenant(gateway):
    tenant = f"{gateway}/v2/tenants/{uuid.uuid4().int % 2**53}"
    created = requests.post(
        f"{tenant}/products",
        json={
            "sku": "REST-1",
            "title": "Resistance Bands",
            "category": "fitness",
            "pricing": {"source_price": {"currency_code": "EUR", "units": "12", "nanos": 500000000}},
        },
        timeout=30,
    )
    assert created.status_code == 200, created.text
    product = created.json()
    assert product["pricing"]["source_price"] == {"currency_code": "EUR", "units": "12", "nanos": 500000000}
    assert product["analysis"]["classification"].startswith("PRODUCT_CLASSIFICATION_")
    # PATCH without update_mask: the gateway makes the mask of the fields the body sets
    patched = requests.patch(
        f"{tenant}/products/{product['id']}", json={"title": "Resistance Bands Set"}, timeout=30
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["title"] == "Resistance Bands Set" and patched.json()["sku"] == "REST-1"
    listed = requests.get(f"{tenant}/products", params={"page_size": 1}, timeout=30).json()
    assert [p["id"] for p in listed["products"]] == [product["id"]] and listed["total_size"] == "1"
    deleted = requests.delete(f"{tenant}/products/{product['id']}", timeout=30).json()
    assert deleted["status"] == "PRODUCT_STATUS_DISCONTINUED"


def test_events_stream_over_rest_as_newline_delimited_json(gateway):
    """WatchEvents through the gateway: one JSON object per line, {"result": event}, the replay from
    `start_time` first, then each new event as it is recorded. (grpc-gateway sends the response headers
    with the first event, so the lead is made before the stream opens and replayed; the update after is
    tailed.)"""
    tenant = f"{gateway}/v2/tenants/{uuid.uuid4().int % 2**53}"
    before = (datetime.now(UTC) - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    lead = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.com",
        "source": "LEAD_SOURCE_WEBSITE",
    }
    created = requests.post(f"{tenant}/leads", json=lead, timeout=30)
    assert created.status_code == 200, created.text
    params = {"start_time": before, "types": ["lead.created", "lead.updated"]}
    with requests.get(f"{tenant}/events:watch", params=params, stream=True, timeout=30) as stream:
        assert stream.status_code == 200, stream.text
        lines = (json.loads(line) for line in stream.iter_lines() if line)
        replayed = next(lines)
        renamed = requests.patch(
            f"{tenant}/leads/{created.json()['id']}", json={"company": "Analytical Engines"}, timeout=30
        )
        assert renamed.status_code == 200, renamed.text
        tailed = next(lines)
    assert [replayed["result"]["type"], tailed["result"]["type"]] == ["lead.created", "lead.updated"]
    assert {replayed["result"]["aggregate_id"], tailed["result"]["aggregate_id"]} == {created.json()["id"]}
    assert replayed["result"]["data"]["lead"]["email"] == "ada@example.com"
    assert tailed["result"]["data"]["lead"]["company"] == "Analytical Engines"


# One read of every service of the contract, through its REST path.
EVERY_SERVICE_READ = [
    "dashboard",
    "contacts",
    "deals",
    "pipelineSummary",
    "events",
    "inventory",
    "inventoryAlerts",
    "leads",
    "leadAnalytics",
    "orders",
    "products",
    "suppliers",
    "offers",
    "purchaseOrders",
    "health",
    "workflows",
    "candidates",
    "riskListEntries",
]


@pytest.mark.parametrize("path", EVERY_SERVICE_READ)
def test_every_service_reads_through_its_rest_path(gateway, path):
    answer = requests.get(f"{gateway}/v2/tenants/{uuid.uuid4().int % 2**53}/{path}", timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"] == "application/json"


def test_an_unknown_path_answers_404_with_a_json_status(gateway):
    answer = requests.get(f"{gateway}/no/such/path", timeout=30)
    assert answer.status_code == 404
    status = answer.json()
    assert status["code"] == 5 and "/no/such/path" in status["message"]
    assert status["details"][0]["reason"] == "PATH_NOT_FOUND"


def test_another_method_on_a_known_path_answers_405(gateway):
    answer = requests.patch(f"{gateway}/products", json={}, timeout=30)
    assert answer.status_code == 405 and answer.json()["details"][0]["reason"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/products", '{"tenant_id": 1, "source_price": "cheap"}', "source_price"),
        ("POST", "/products", '{"tenant_id": 1, "sku": "X", "colour": "red"}', "colour"),
        ("POST", "/products", '{"tenant_id": 1, "sku": ', "body"),
        ("GET", "/products?limit=many", None, "limit"),
        ("GET", "/v2/tenants/one/products", None, "tenant_id"),
    ],
)
def test_what_does_not_parse_answers_400_naming_the_field(gateway, method, path, body, field):
    answer = requests.request(
        method, f"{gateway}{path}", data=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert answer.status_code == 400, answer.text
    status = answer.json()
    assert status["code"] == 3
    (bad_request,) = [d for d in status["details"] if d["@type"].endswith("google.rpc.BadRequest")]
    assert [v["field"] for v in bad_request["field_violations"]] == [field]


def details(status: dict[str, object], kind: str) -> dict[str, object]:
    (found,) = [d for d in status["details"] if d["@type"].endswith(kind)]  # type: ignore[union-attr]
    return found  # type: ignore[no-any-return]


def test_a_servers_refusal_keeps_its_code_and_details_as_http(gateway):
    request_id = f"gw-{uuid.uuid4().hex[:12]}"
    missing = requests.get(
        f"{gateway}/products/{uuid.uuid4()}",
        params={"tenant_id": 1},
        headers={"X-Request-Id": request_id},
        timeout=30,
    )
    assert missing.status_code == 404 and missing.headers["X-Request-Id"] == request_id
    status = missing.json()
    assert status["code"] == 5 and details(status, "ErrorInfo")["reason"] == "PRODUCT_NOT_FOUND"
    assert details(status, "RequestInfo")["request_id"] == request_id

    invalid = requests.post(f"{gateway}/products", json={"tenant_id": 1, "source_price": 10.001}, timeout=30)
    assert invalid.status_code == 400
    violations = {v["field"] for v in details(invalid.json(), "BadRequest")["field_violations"]}
    assert violations == {"source_price"}  # refused before the contract's own checks run

    sku = f"DUP-{uuid.uuid4().hex[:8]}"
    flat = {"tenant_id": 1, "sku": sku, "title": "Jump Rope", "category": "fitness", "source_price": 5}
    assert requests.post(f"{gateway}/products", json=flat, timeout=30).status_code == 200
    duplicate = requests.post(f"{gateway}/products", json=flat, timeout=30)
    assert (
        duplicate.status_code == 409 and details(duplicate.json(), "ErrorInfo")["reason"] == "DUPLICATE_SKU"
    )

    tenant = f"{gateway}/v2/tenants/{uuid.uuid4().int % 2**53}"
    first = {"sku": f"RID-{uuid.uuid4().hex[:8]}", "title": "Kettlebell", "category": "fitness",
             "pricing": {"source_price": {"currency_code": "USD", "units": "20"}}}  # fmt: skip
    assert requests.post(f"{tenant}/products?request_id=r1", json=first, timeout=30).status_code == 200
    reused = requests.post(f"{tenant}/products?request_id=r1", json={**first, "title": "Other"}, timeout=30)
    assert reused.status_code == 400  # FAILED_PRECONDITION maps to 400 (google.rpc.Code)
    assert reused.json()["code"] == 9 and details(reused.json(), "ErrorInfo")["reason"] == "REQUEST_ID_REUSED"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        # the body is the product (body: "product"), the lead (body: "lead"), the whole request (body: "*")
        ("products", {"sku": "E-1", "title": "t", "category": "fitness", "status": 99,
                      "pricing": {"source_price": {"units": "5"}}}, "product.status"),
        (f"products/{uuid.uuid4()}:recommendCrossSell", {"type": 9, "limit": 5}, "type"),
        ("leads", {"first_name": "Ada", "last_name": "L", "email": "ada@example.org", "source": 42},
         "lead.source"),
    ],
)  # fmt: skip
def test_a_go_client_sending_an_unknown_enum_number_gets_invalid_argument(gateway, path, body, field):
    """The gateway is a Go gRPC client (grpc-go; protojson takes an unknown number of an open enum from a JSON
    body and sends it on): crm-server answers INVALID_ARGUMENT naming the field, never INTERNAL."""
    tenant = f"{gateway}/v2/tenants/{uuid.uuid4().int % 2**53}"
    answer = requests.post(f"{tenant}/{path}", json=body, timeout=30)
    assert answer.status_code == 400, answer.text
    status = answer.json()
    assert status["code"] == 3 and field in {
        v["field"] for v in details(status, "BadRequest")["field_violations"]
    }
    assert details(status, "ErrorInfo")["domain"] == "crm.v2"  # crm-server's refusal, not the gateway's


def test_an_unknown_enum_number_in_a_query_is_refused_by_the_gateway(gateway):
    answer = requests.get(f"{gateway}/v2/tenants/1/products", params={"classification": 42}, timeout=30)
    assert answer.status_code == 400
    status = answer.json()
    assert [v["field"] for v in details(status, "BadRequest")["field_violations"]] == ["classification"]


def test_the_gateway_stops_on_sigterm(backend):
    if not GATEWAY.exists():
        unavailable("the REST gateway is not built (make gateway builds it)")
    port = free_port()
    env = {**os.environ, "GATEWAY_PORT": str(port), "CRM_TARGET": backend}
    process = subprocess.Popen(
        [str(GATEWAY)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        wait_for_port("127.0.0.1", port, timeout=30)
        process.terminate()
        output, _ = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    assert process.returncode == 0, output
    assert f"crm-gateway listening on http://127.0.0.1:{port}, proxying to {backend}" in output


def test_the_gateway_reaches_a_mutual_tls_server_with_its_client_certificate(tmp_path):
    """crm-server with TLS and a client CA; the gateway with the CA and a client certificate answers, the
    gateway without its certificate cannot reach it and says UNAVAILABLE (503) as a JSON status."""
    if not GATEWAY.exists():
        unavailable("the REST gateway is not built (make gateway builds it)")
    certs = make_certificates(tmp_path)
    port = free_port()
    tls = {"TLS_CERT_FILE": str(certs.server_cert), "TLS_KEY_FILE": str(certs.server_key)}
    env = server_env(tmp_path, PORT=str(port), TLS_CLIENT_CA_FILE=str(certs.ca), **tls)
    server = subprocess.Popen(SERVER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    gateways = []
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        urls = []
        for extra in (
            {"GATEWAY_CLIENT_CERT": str(certs.client_cert), "GATEWAY_CLIENT_KEY": str(certs.client_key)},
            {},
        ):
            gateway_port = free_port()
            gateway_env = {
                **os.environ,
                "GATEWAY_PORT": str(gateway_port),
                "CRM_TARGET": f"127.0.0.1:{port}",
                "GATEWAY_CA_CERT": str(certs.ca),
                **extra,
            }
            gateways.append(
                subprocess.Popen(
                    [str(GATEWAY)], env=gateway_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
            wait_for_port("127.0.0.1", gateway_port, timeout=30)
            urls.append(f"http://127.0.0.1:{gateway_port}")
        with_certificate, without = urls
        answer = requests.get(f"{with_certificate}/health", timeout=30)
        assert answer.status_code == 200 and answer.json()["status"] == "healthy", answer.text
        refused = requests.get(f"{without}/health", timeout=30)
        assert refused.status_code == 503 and refused.json()["code"] == 14, refused.text
    finally:
        for process in (*gateways, server):
            process.terminate()
            process.wait(20)
