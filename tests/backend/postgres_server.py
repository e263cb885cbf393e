"""A throwaway PostgreSQL server for the API tests, started from the installed binaries.

``initdb`` + ``pg_ctl`` in a temporary directory, listening on 127.0.0.1 on a free port,
trust authentication, durability off (it is thrown away). PostgreSQL refuses to run as
root: as root the server runs as the unprivileged ``postgres`` user (Debian's package
creates it; ``nobody`` otherwise) and its directory is handed to that user.

The binaries are found through ``PIXCRAWLER_PG_BINDIR`` (then the only place looked at),
else ``pg_ctl`` on ``PATH`` or ``/usr/lib/postgresql/<version>/bin`` (Debian's layout).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PostgresServer", "PostgresUnavailable", "find_bindir"]

SUPERUSER = "pixcrawler"
START_TIMEOUT = 60


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL here (binaries missing, or the server did not start)."""


def find_bindir() -> Path | None:
    """Return the directory holding ``initdb`` and ``pg_ctl``, or ``None``.

    ``PIXCRAWLER_PG_BINDIR``, when set, is the only place looked at.
    """
    configured = os.environ.get("PIXCRAWLER_PG_BINDIR")
    if configured:
        candidates = [Path(configured)]
    else:
        candidates = []
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(Path(on_path).resolve().parent)

        def version(path: Path) -> tuple[int, ...]:
            return tuple(int(part) for part in path.parent.name.split(".") if part.isdigit())

        debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
        candidates += debian
    for candidate in candidates:
        if (candidate / "pg_ctl").is_file() and (candidate / "initdb").is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class PostgresServer:
    """One running server; ``database_url(name)`` for SQLAlchemy, ``create_database(name)``."""

    bindir: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pixcrawler-pg-")))
    port: int = field(default_factory=_free_port)
    _account: pwd.struct_passwd | None = None

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory."""
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        """The server's log."""
        return self.root / "server.log"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL program (as the unprivileged user when we are root)."""
        kwargs: dict[str, object] = {}
        if self._account is not None:
            kwargs = {
                "user": self._account.pw_uid,
                "group": self._account.pw_gid,
                "extra_groups": [],
            }
        result = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            cwd=self.root,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"},
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=False,
            **kwargs,  # type: ignore[arg-type]
        )
        if check and result.returncode != 0:
            raise PostgresUnavailable(
                f"{args[0]} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
                + self.log_tail()
            )
        return result

    def log_tail(self) -> str:
        """The end of the server log, for error messages."""
        try:
            return "\n--- server log\n" + self.log_file.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def start(self) -> PostgresServer:
        """initdb, then start the server and wait until it accepts connections."""
        if os.geteuid() == 0:
            self._account = _unprivileged_user()
            os.chown(self.root, self._account.pw_uid, self._account.pw_gid)
        self.root.chmod(0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-o",
            options,
            "-w",
            "-t",
            str(START_TIMEOUT),
            "start",
        )
        deadline = time.monotonic() + START_TIMEOUT
        while (
            self._run("pg_isready", "-h", "127.0.0.1", "-p", str(self.port), check=False).returncode
            != 0
        ):
            if time.monotonic() > deadline:
                raise PostgresUnavailable("the server did not accept connections" + self.log_tail())
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        """Stop the server and delete its directory."""
        if self.data_dir.exists():
            self._run(
                "pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop", check=False
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def _client(self, program: str, *args: str) -> None:
        self._run(program, "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, *args)

    def create_database(self, name: str) -> str:
        """Create an empty database; return its ``postgresql+asyncpg://`` URL."""
        self._client("createdb", name)
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing its leftover connections."""
        self._client("dropdb", "--force", "--if-exists", name)

    def execute(self, database: str, sql: str) -> None:
        """Run SQL statements in ``database`` (through psql, stopping at the first error)."""
        self._client("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql)

    def database_url(self, name: str) -> str:
        """The SQLAlchemy async URL of database ``name``."""
        return f"postgresql+asyncpg://{SUPERUSER}@127.0.0.1:{self.port}/{name}"
