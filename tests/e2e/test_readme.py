"""The README's examples, run as written against a served `crm-server`: every crmctl command it names and
every grpcurl line of its first example block. A README that promises a command that fails, fails here."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_process import SERVER, grpcurl, server_env
from tests.support.ports import free_port, wait_for_port

README = Path(__file__).resolve().parents[2] / "README.md"
CRMCTL = [sys.executable, "-m", "clients.cli"]
# Commands that run until stopped: started, shown an event, then ended.
STREAMING = ("events tail",)


def readme_crmctl_commands() -> list[str]:
    """Every `crmctl …` in inline code, whitespace folded (a few wrap over two lines)."""
    text = README.read_text()
    return [" ".join(m.split()) for m in re.findall(r"`(crmctl [^`]+)`", text)]


def readme_grpcurl_commands() -> list[str]:
    """The grpcurl lines of the README's first shell block, continuation lines joined."""
    block = re.search(r"```bash\n(grpcurl .*?)```", README.read_text(), re.S)
    assert block is not None, "the README lost its grpcurl example block"
    commands, current = [], ""
    for line in block.group(1).splitlines():
        if line.startswith("grpcurl ") and current:
            commands.append(current)
            current = ""
        current = f"{current} {line.strip()}" if current else line.strip()
    return [*commands, current]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        SERVER,
        env=server_env(tmp_path_factory.mktemp("readme"), PORT=str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(30)


def crmctl(target: str, command: str, *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_TARGET": target, "CRM_TENANT": "1"}
    return subprocess.run(
        [*CRMCTL, *shlex.split(command)], env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def product_id(served: str) -> str:
    created = crmctl(
        served,
        "--json products create --sku README-1 --title 'Smart Fitness Tracker' --category fitness "
        "--source-price 49.99",
    )
    assert created.returncode == 0, created.stderr
    return json.loads(created.stdout)["id"]


def test_the_readme_names_crmctl_commands():
    assert len(readme_crmctl_commands()) >= 15


@pytest.mark.parametrize(
    "command", [c for c in readme_crmctl_commands() if c.removeprefix("crmctl ") not in STREAMING]
)
def test_every_crmctl_command_of_the_readme_runs_as_written(served, product_id, command):
    result = crmctl(served, command.removeprefix("crmctl ").replace("PRODUCT_ID", product_id))
    assert result.returncode == 0, f"{command}: {result.stderr}"
    assert "Traceback" not in result.stderr


def test_events_tail_streams_what_happens(served):
    assert "crmctl events tail" in readme_crmctl_commands()
    created = crmctl(served, "leads create --first-name Tail --last-name Er --email t@e.io --source website")
    assert created.returncode == 0, created.stderr
    env = {**os.environ, "CRM_TARGET": served, "CRM_TENANT": "1"}
    # --since replays what was just recorded, so the tail has an event to show whenever it subscribes (a
    # tail of new events only would wait forever if it subscribed after the lead was created).
    tail = subprocess.Popen(
        [*CRMCTL, "events", "tail", "--since", "1h", "--type", "lead.created", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert tail.stdout is not None
        event = json.loads(tail.stdout.readline())
        assert event["type"] == "lead.created"
    finally:
        tail.terminate()
        tail.wait(30)


@pytest.mark.parametrize("command", readme_grpcurl_commands())
def test_every_grpcurl_line_of_the_readme_runs_as_written(served, command):
    argv = shlex.split(command.replace("127.0.0.1:8004", served))
    result = subprocess.run([grpcurl(), *argv[1:]], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{command}: {result.stderr}"


def test_json_may_follow_the_command(served):
    crmctl(served, "leads create --first-name Jay --last-name Son --email j@son.io --source website")
    result = crmctl(served, "leads list --json --page-size 1")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["leads"]) == 1


def test_a_closed_pipe_ends_crmctl_quietly(served):
    for n in range(3):
        crmctl(served, f"leads create --first-name P{n} --last-name Ipe --email p{n}@ipe.io --source website")
    env = {**os.environ, "CRM_TARGET": served, "CRM_TENANT": "1"}
    piped = subprocess.run(
        f"{shlex.join(CRMCTL)} leads list | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert piped.stdout.strip()
    assert "Traceback" not in piped.stderr and "BrokenPipeError" not in piped.stderr


def test_the_help_names_the_environment_variables():
    result = subprocess.run([*CRMCTL, "--help"], capture_output=True, text=True, timeout=30)
    for variable in ("CRM_TARGET", "CRM_TENANT", "CRM_TOKEN"):
        assert variable in result.stdout


def test_the_hint_of_make_run_appears_once_the_port_accepts_calls(tmp_path):
    import socket

    port = free_port()
    process = subprocess.Popen(
        [*SERVER, "--hint"],
        env=server_env(tmp_path, PORT=str(port), LOG_LEVEL="WARNING"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        assert f"serving on 127.0.0.1:{port}" in first
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # already listening when the hint is printed
        hint = "".join(process.stderr.readline() for _ in range(3))
        assert "grpcurl -plaintext" in hint and "crm.v2.LeadService/CreateLead" in hint
    finally:
        process.terminate()
        process.wait(30)
