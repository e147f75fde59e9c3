"""The deployment files, checked offline by deploy/check (strict decoding against the Kubernetes API types and
the service's own rules), and the health probe the container image runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import unavailable
from tests.e2e.test_process import SERVER, server_env
from tests.support.ports import free_port, wait_for_port

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"


@pytest.fixture(scope="module")
def deploy_check(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None:
        unavailable("go is needed to build deploy/check")
    binary = tmp_path_factory.mktemp("deploy-check") / "deploy-check"
    built = subprocess.run(
        [go, "build", "-o", str(binary), "."],
        cwd=DEPLOY / "check",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    return binary


def check(binary: Path, kind: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), kind, str(path)], capture_output=True, text=True, timeout=60)


def test_the_kubernetes_manifests_and_the_compose_file_are_valid(deploy_check):
    for kind, path in (("k8s", DEPLOY / "k8s"), ("compose", DEPLOY / "compose.yaml")):
        result = check(deploy_check, kind, path)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "readinessProbe:",
            "readinesProbe:",
            'unknown field "spec.template.spec.containers[0].readinesProbe"',
        ),
        (
            'grpc: {port: 8004, service: ""}',
            "grpc: {port: 8004, service: crm.v2.LeadService}",
            "livenessProbe",
        ),
        (
            "readOnlyRootFilesystem: true",
            "readOnlyRootFilesystem: false",
            "readOnlyRootFilesystem must be true",
        ),
        ("runAsNonRoot: true", "runAsNonRoot: false", "runAsNonRoot: true"),
        ('prometheus.io/scrape: "true"', 'prometheus.io/scrape: "false"', "must be scraped"),
        (
            "- secretRef: {name: crm-secrets}",
            "- secretRef: {name: crm-secrets}\n            - secretRef: {name: crm-migration-secrets}",
            "must not read the owner's secret crm-migration-secrets",
        ),
    ],
)
def test_a_broken_manifest_is_refused(deploy_check, tmp_path, old, new, problem):
    manifests = tmp_path / "k8s"
    shutil.copytree(DEPLOY / "k8s", manifests)
    deployment = manifests / "deployment.yaml"
    assert old in deployment.read_text()
    deployment.write_text(deployment.read_text().replace(old, new, 1))
    result = check(deploy_check, "k8s", manifests)
    assert result.returncode == 1
    assert problem in result.stdout


def test_a_compose_service_that_does_not_wait_for_health_is_refused(deploy_check, tmp_path):
    compose = tmp_path / "compose.yaml"
    compose.write_text(
        (DEPLOY / "compose.yaml").read_text().replace("condition: service_healthy", "condition: x")
    )
    result = check(deploy_check, "compose", compose)
    assert result.returncode == 1 and "must wait for postgres with condition service_healthy" in result.stdout


def test_the_image_probes_its_health_through_grpc():
    assert "HEALTHCHECK" in (DEPLOY / "Dockerfile").read_text()
    assert '"crm-server", "health"' in (DEPLOY / "Dockerfile").read_text()


def test_crm_server_health_answers_for_liveness_and_readiness(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        SERVER, env=server_env(tmp_path, PORT=str(port)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        for service in ("", "crm.v2.LeadService"):
            probed = subprocess.run(
                [*SERVER, "health", "--service", service],
                env=server_env(tmp_path, PORT=str(port)),
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert probed.returncode == 0 and probed.stdout.strip() == "SERVING", probed.stderr
    finally:
        process.terminate()
        process.wait(30)
    refused = subprocess.run(
        [*SERVER, "health"],
        env=server_env(tmp_path, PORT=str(port)),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 1


def test_a_collector_that_is_down_never_fails_a_call(tmp_path):
    """Tracing on (OTEL_EXPORTER_OTLP_ENDPOINT) with nothing listening there: every call still answers."""
    import json

    from tests.e2e.test_process import grpcurl

    port, collector = free_port(), free_port()
    env = server_env(tmp_path, PORT=str(port), OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector}")
    process = subprocess.Popen(SERVER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        body = json.dumps({"tenant_id": 1, "page_size": 5})
        for _ in range(20):
            listed = subprocess.run(
                [
                    grpcurl(),
                    "-plaintext",
                    "-max-time",
                    "5",
                    "-d",
                    body,
                    f"127.0.0.1:{port}",
                    "crm.v2.LeadService/ListLeads",
                ],
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert listed.returncode == 0, listed.stderr
    finally:
        process.terminate()
        assert process.wait(30) == 0
