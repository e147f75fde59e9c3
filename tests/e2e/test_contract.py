"""The contract's breaking-change check (scripts/proto_breaking.sh, run by `make lint`) fails on a break."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import unavailable

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "proto_breaking.sh"


@pytest.fixture
def buf() -> str:
    found = shutil.which("buf") or shutil.which(str(Path.home() / "go" / "bin" / "buf"))
    if not found or not (REPO / "build" / "proto-deps" / "google").exists():
        unavailable("buf and build/proto-deps are needed (make lint installs and stages them)")
    return found


def check(buf: str, tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "", str(tree)],
        env={"PATH": "/usr/bin:/bin", "BUF": buf, "HOME": str(Path.home())},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_the_contract_has_no_breaking_change_against_the_release(buf):
    result = check(buf, REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_changed_field_type_is_reported_as_breaking(buf, tmp_path):
    shutil.copytree(REPO / "protos", tmp_path / "protos")
    shutil.copytree(REPO / "third_party", tmp_path / "third_party")
    shutil.copy(REPO / "buf.yaml", tmp_path / "buf.yaml")
    lead_service = tmp_path / "protos" / "crm" / "v2" / "lead_service.proto"
    lead_service.write_text(
        lead_service.read_text().replace(
            "int64 tenant_id = 1 [(buf.validate.field).int64.gt = 0];",
            "int32 tenant_id = 1 [(buf.validate.field).int32.gt = 0];",
        )
    )
    result = check(buf, tmp_path)
    assert result.returncode != 0
    assert (
        'name "tenant_id" on message "CreateLeadRequest" changed type from "int64" to "int32"'
        in result.stdout
    )
