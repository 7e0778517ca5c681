"""A private NSD (Debian's authoritative DNS server) on 127.0.0.1 with a free port, serving the test
zones from a temporary directory; never the system instance (no port 53, no /etc/nsd)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NSD = "/usr/sbin/nsd"


def missing() -> str | None:
    return None if Path(NSD).exists() or shutil.which("nsd") else "nsd (apt-get install nsd)"


def free_port(host: str = "127.0.0.1") -> int:
    """A port free for both UDP and TCP on host."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
            u.bind((host, 0))
            port = int(u.getsockname()[1])
            with socket.socket() as t:
                try:
                    t.bind((host, port))
                except OSError:
                    continue
            return port


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Terminate, and kill what does not end within 5 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def zone_text(origin: str, records: str) -> str:
    return (f"$ORIGIN {origin}\n$TTL 60\n"
            f"@ IN SOA ns.{origin} hostmaster.{origin} 1 3600 600 86400 60\n"
            f"@ IN NS ns.{origin}\nns IN A 127.0.0.1\n{records}\n")


@dataclass
class NsdServer:
    host: str
    port: int
    root: Path
    process: subprocess.Popen[bytes]

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def start(cls, zones: dict[str, str], host: str = "127.0.0.1") -> NsdServer:
        """zones: origin ("test.") -> records in zone-file syntax."""
        root = Path(tempfile.mkdtemp(prefix="mailtester-nsd-"))
        port = free_port(host)
        conf = [
            "server:", f"  ip-address: {host}@{port}", f"  port: {port}", '  username: ""', '  chroot: ""',
            '  database: ""', f"  zonesdir: {root}", f"  pidfile: {root}/nsd.pid", f"  logfile: {root}/nsd.log",
            f"  xfrdfile: {root}/xfrd.state", f"  zonelistfile: {root}/zone.list", "  do-ip6: no",
            "  server-count: 1", "  verbosity: 1",
            "remote-control:", "  control-enable: no",
        ]
        for i, (origin, records) in enumerate(zones.items()):
            (root / f"z{i}.zone").write_text(zone_text(origin, records))
            conf += ["zone:", f"  name: {origin}", f"  zonefile: z{i}.zone"]
        (root / "nsd.conf").write_text("\n".join(conf) + "\n")
        check = subprocess.run([NSD.replace("nsd", "nsd-checkconf"), str(root / "nsd.conf")],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nsd-checkconf: {check.stdout}{check.stderr}")
        process = subprocess.Popen([NSD, "-d", "-c", str(root / "nsd.conf")], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        server = cls(host, port, root, process)
        server._wait(next(iter(zones)))
        return server

    def _wait(self, origin: str) -> None:
        import dns.message
        import dns.query

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                log = (self.root / "nsd.log").read_text(errors="replace") if (self.root / "nsd.log").exists() else ""
                raise RuntimeError(f"nsd exited with {self.process.returncode}: {err}{log}")
            with contextlib.suppress(Exception):
                dns.query.udp(dns.message.make_query(origin, "SOA"), self.host, port=self.port, timeout=0.2)
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("nsd did not answer within 10 s")

    def stop(self) -> None:
        stop_process(self.process)
        if self.process.stderr:
            self.process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)
