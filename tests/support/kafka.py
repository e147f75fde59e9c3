"""A real single-node Apache Kafka broker (KRaft) for tests (stdlib only).

Wraps deploy/kafka/kafka.sh (jar resolution via Maven, config, format,
background start/stop by pid).

    ok, why = kafka_available()
    if not ok: pytest.skip(why)
    broker = KafkaBroker.start(tmp_path_factory.mktemp("kafka"))
    broker.bootstrap            # "127.0.0.1:PORT"
    broker.stop(); broker.start_again()   # fault tests: same ports, same data
    broker.stop()
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import struct
import subprocess
import time
from pathlib import Path

from .ports import free_port, port_open

REPO_ROOT = Path(__file__).resolve().parents[2]
KAFKA_SH = REPO_ROOT / "deploy" / "kafka" / "kafka.sh"
POM = REPO_ROOT / "deploy" / "kafka" / "pom.xml"

_libs_dir: Path | None = None


def _cache_root() -> Path:
    return Path(os.environ.get("CRM_CACHE_DIR") or Path.home() / ".cache" / "crm-service")


def _cached_libs_dir() -> Path | None:
    """The libs dir if kafka.sh resolve already completed for the current pom."""
    m = re.search(r"<kafka.version>([^<]+)</kafka.version>", POM.read_text())
    if not m:
        return None
    home = _cache_root() / f"kafka-{m.group(1)}"
    marker = home / ".resolved"
    try:
        done = marker.read_text().strip() == hashlib.sha256(POM.read_bytes()).hexdigest()
    except OSError:
        return None
    return home / "libs" if done and (home / "libs").is_dir() else None


def kafka_available() -> tuple[bool, str]:
    """(True, "") if a broker can be started here; else (False, reason)."""
    if not shutil.which("java"):
        return False, "java not found on PATH (Debian: apt-get install -y openjdk-17-jre-headless)"
    if shutil.which("bash") is None:
        return False, "bash not found"
    if _cached_libs_dir() is None and not shutil.which("mvn"):
        return False, "Kafka jars not cached and mvn not found (Debian: apt-get install -y maven)"
    return True, ""


def resolve_kafka_libs(timeout: float = 600.0) -> Path:
    """Run `kafka.sh resolve` (idempotent, cached) and return the libs dir."""
    global _libs_dir
    if _libs_dir is not None and _libs_dir.is_dir():
        return _libs_dir
    proc = subprocess.run(
        ["bash", str(KAFKA_SH), "resolve"],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"kafka.sh resolve failed:\n{proc.stderr.strip()[-4000:]}")
    _libs_dir = Path(proc.stdout.strip().splitlines()[-1])
    return _libs_dir


class KafkaBroker:
    """A broker process owned by this test session; stopped only by its pid."""

    bootstrap: str

    def __init__(self, work_dir: Path, port: int, controller_port: int, start_timeout: float) -> None:
        self.work_dir = work_dir
        self.host = "127.0.0.1"
        self.port = port
        self.controller_port = controller_port
        self.bootstrap = f"{self.host}:{port}"
        self.start_timeout = start_timeout

    @classmethod
    def start(cls, work_dir: Path, port: int | None = None, timeout: float = 90.0) -> KafkaBroker:
        """Format (first time) and start; returns once the broker serves metadata."""
        resolve_kafka_libs()
        work_dir = Path(work_dir).resolve()
        work_dir.mkdir(parents=True, exist_ok=True)
        fixed_port = port is not None
        last: Exception | None = None
        # A free port can be taken before the broker binds it: retry with new ones.
        for _ in range(1 if fixed_port else 3):
            p = port if fixed_port else free_port()
            cport = free_port()
            while cport == p:
                cport = free_port()
            broker = cls(work_dir, p, cport, timeout)
            try:
                broker._start()
                return broker
            except RuntimeError as e:
                last = e
                if "Address already in use" not in str(e):
                    break
        assert last is not None
        raise last

    def start_again(self) -> None:
        """Start after stop(): same ports, same data dir (fault tests)."""
        self._start()

    def _start(self) -> None:
        env = dict(os.environ, KAFKA_START_TIMEOUT=str(int(self.start_timeout)))
        try:
            proc = subprocess.run(
                [
                    "bash",
                    str(KAFKA_SH),
                    "start",
                    str(self.work_dir),
                    str(self.port),
                    str(self.controller_port),
                ],
                capture_output=True,
                text=True,
                timeout=self.start_timeout + 30,
                env=env,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            self.stop()
            raise RuntimeError(f"kafka.sh start timed out\n{self._log_tail()}") from None
        if proc.returncode != 0:
            raise RuntimeError(f"kafka.sh start failed (port {self.port}):\n{proc.stderr.strip()[:20000]}")
        # kafka.sh waited for the port and the "started" log line; double-check
        # that the broker really answers a Metadata request listing itself.
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                if any(p == self.port for _, _, p in metadata_brokers(self.host, self.port)):
                    return
                err = "metadata lists no broker yet"
            except OSError as e:
                err = str(e)
            if not self.is_running():
                raise RuntimeError(f"broker exited during startup\n{self._log_tail()}")
            if time.monotonic() >= deadline:
                self.stop()
                raise TimeoutError(
                    f"broker not serving metadata after {self.start_timeout}s ({err})\n{self._log_tail()}"
                )
            time.sleep(0.1)

    def stop(self) -> None:
        """Graceful stop (SIGTERM, bounded wait, then SIGKILL). Idempotent."""
        proc = subprocess.run(
            ["bash", str(KAFKA_SH), "stop", str(self.work_dir)],
            capture_output=True,
            text=True,
            timeout=90,
            stdin=subprocess.DEVNULL,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"kafka.sh stop failed:\n{proc.stderr.strip()}")

    def kill(self) -> None:
        """SIGKILL the broker (crash simulation); start_again() recovers it."""
        pid = self.pid
        if pid is not None and self.is_running():
            os.kill(pid, 9)
            deadline = time.monotonic() + 10
            while self.is_running() and time.monotonic() < deadline:
                time.sleep(0.05)

    @property
    def pid(self) -> int | None:
        try:
            return int((self.work_dir / "kafka.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def is_running(self) -> bool:
        """True while our broker process exists (zombies do not count)."""
        pid = self.pid
        if pid is None:
            return False
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return False
        state = stat.rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X") and "kafka.Kafka" in cmdline and str(self.work_dir) in cmdline

    @property
    def log_path(self) -> Path:
        return self.work_dir / "kafka.log"

    def _log_tail(self, lines: int = 40) -> str:
        try:
            return "".join(self.log_path.read_text(errors="replace").splitlines(True)[-lines:])
        except OSError:
            return "(no kafka.log)"

    def __enter__(self) -> KafkaBroker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- minimal Kafka protocol probe ---------------------------------------------


def metadata_brokers(host: str, port: int, timeout: float = 2.0) -> list[tuple[int, str, int]]:
    """Send a Metadata v4 request (no topics) and return [(node_id, host, port)].

    A KRaft broker lists itself only once it is registered and unfenced, so a
    non-empty answer means it really serves clients. v4 works on Kafka 2.x-4.x.
    """
    client_id = b"crm-test-probe"
    correlation_id = 0x5EED
    # Request header v1: api_key=3 (Metadata), api_version=4, correlation_id, client_id
    header = struct.pack(">hhih", 3, 4, correlation_id, len(client_id)) + client_id
    # Body v4: topics = null (-1 -> none requested), allow_auto_topic_creation = false
    body = struct.pack(">ib", -1, 0)
    msg = header + body
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.settimeout(timeout)
        s.sendall(struct.pack(">i", len(msg)) + msg)
        size = struct.unpack(">i", _recv_exact(s, 4))[0]
        data = _recv_exact(s, size)
    (corr,) = struct.unpack_from(">i", data, 0)
    if corr != correlation_id:
        raise OSError(f"unexpected correlation id {corr}")
    off = 4 + 4  # correlation_id, throttle_time_ms
    (n,) = struct.unpack_from(">i", data, off)
    off += 4
    brokers = []
    for _ in range(max(n, 0)):
        node_id, hlen = struct.unpack_from(">ih", data, off)
        off += 6
        bhost = data[off : off + hlen].decode()
        off += hlen
        bport, rlen = struct.unpack_from(">ih", data, off)
        off += 6 + max(rlen, 0)
        brokers.append((node_id, bhost, bport))
    return brokers


def _recv_exact(s: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise OSError("connection closed by broker")
        buf += chunk
    return bytes(buf)


__all__ = ["KafkaBroker", "kafka_available", "metadata_brokers", "port_open", "resolve_kafka_libs"]
