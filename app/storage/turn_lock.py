"""One turn of a conversation at a time: a per-session lock across threads, workers and replicas.

Two messages sent at once to one conversation otherwise interleave in the transcript (user,
user, assistant, assistant), and the second turn reads a history and a placeholder map the
first is about to change. A turn therefore holds its conversation's lock from reading the
transcript, through storing the message, to storing the reply (streamed replies included).

Two layers, taken in this order and released in reverse:

1. In the process: a mutex-guarded set of held keys. Waiters of one process queue here, so a
   process holds at most one cross-process lock (and one PostgreSQL connection) per
   conversation. It is a threading mutex, not an asyncio lock, because the service is also
   driven from several event loops and threads (the CLI, tests).
2. Across processes, where the conversations live:
   - PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) on a connection kept
     for the turn. Session-level rather than transaction-level because a turn is several
     short transactions around a reply that may stream for many seconds; a transaction held
     open that long would sit "idle in transaction". Replicas share the database, so they
     share the lock, and a worker that dies closes its connection, which frees the lock.
   - SQLite (one host): a one-byte range lock (fcntl.lockf) on one file beside the database,
     at an offset hashed from the session id. One file rather than a file per session:
     nothing accumulates, there is no unlink race, and the file stays empty (no personal
     data). Record locks belong to the process, not the descriptor, which is why layer 1 is
     keyed like the byte and the file is opened once per process and never closed.
   - An in-memory SQLite database is seen by one process only: layer 1 is enough.

Waiting is bounded and costs no worker thread: try without blocking, sleep briefly, try
again until `coaching.turn_wait_seconds`; then TurnBusyError (409), raised before anything
of the turn is stored, so the message can simply be sent again. A try that asks PostgreSQL
runs in a worker thread; a file lock's try is a system call that never waits, made on the
event loop itself (a hop to a thread and back cost more than the call, twice a turn).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Protocol

import anyio
from anyio import to_thread
from sqlalchemy import Connection, Engine, create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import StoreUnavailableError, TurnBusyError

Release = Callable[[], None]
FIRST_PAUSE = 0.01  # seconds between tries, doubling up to MAX_PAUSE
MAX_PAUSE = 0.1
_OFFSET_MASK = (1 << 62) - 1  # lock offsets stay well inside a signed 64-bit off_t
BUSY = "A reply to this conversation is still being written; send again when it arrives."


def lock_key(session_id: str) -> int:
    """A stable unsigned 64-bit key for a session id (the same in every process)."""
    digest = hashlib.blake2b(session_id.encode(), digest_size=8, person=b"balcony-turn")
    return int.from_bytes(digest.digest(), "big")


class CrossProcessLock(Protocol):
    scope: str  # what it locks: two locks of one scope in one process share layer 1
    waits: bool  # whether trying or letting go may wait (on a database): then in a thread

    def try_acquire(self, key: int) -> Release | None:
        """Take the lock for `key` without waiting: its release, or None if it is held."""


class _HeldInProcess:
    """Layer 1: which (scope, key) pairs a turn of this process holds."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held: set[tuple[str, int]] = set()

    def try_acquire(self, name: tuple[str, int]) -> bool:
        with self._mutex:
            if name in self._held:
                return False
            self._held.add(name)
            return True

    def release(self, name: tuple[str, int]) -> None:
        with self._mutex:
            self._held.discard(name)


# Process-wide, so two services over one database in one process still exclude each other.
_IN_PROCESS = _HeldInProcess()
# The one descriptor per lock file this process has open (see FileRangeLock._descriptor).
_DESCRIPTORS: dict[Path, int] = {}
_OPENING = threading.Lock()


class NoCrossProcessLock:
    """For a database only this process can see (in-memory SQLite)."""

    waits = False

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def try_acquire(self, key: int) -> Release | None:
        return lambda: None


class FileRangeLock:
    """Layer 2 on one host: a byte of one lock file per session, locked with fcntl.lockf."""

    waits = False  # LOCK_NB: the call returns at once, taken or not

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.scope = str(self.path)

    def _descriptor(self) -> int:
        # Opened once per process and never closed: closing any descriptor of the file would
        # drop every record lock this process holds on it.
        with _OPENING:
            if self.path not in _DESCRIPTORS:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
                _DESCRIPTORS[self.path] = os.open(self.path, flags, 0o600)
            return _DESCRIPTORS[self.path]

    def try_acquire(self, key: int) -> Release | None:
        descriptor, offset = self._descriptor(), key & _OFFSET_MASK
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
        except (BlockingIOError, PermissionError):  # EAGAIN or EACCES: another process has it
            return None
        return lambda: fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, offset)


class AdvisoryLock:
    """Layer 2 across replicas: a PostgreSQL session-level advisory lock per session."""

    waits = True  # a round trip to the server (and maybe a new connection)

    def __init__(self, url: str) -> None:
        self._url = url
        self.scope = url
        self._engine: Engine | None = None
        self._creating = threading.Lock()

    def _connect(self) -> Connection:
        with self._creating:
            if self._engine is None:
                # Its own small pool: a turn keeps a connection for its whole length and must
                # not starve the store's pool.
                self._engine = create_engine(
                    self._url, pool_pre_ping=True, pool_size=2, max_overflow=30
                )
        return self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def try_acquire(self, key: int) -> Release | None:
        signed = key - (1 << 64) if key >= 1 << 63 else key
        try:
            connection = self._connect()
        except SQLAlchemyError as error:
            raise _unavailable(error) from error
        try:
            taken = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": signed})
            if not taken.scalar_one():
                connection.close()
                return None
        except SQLAlchemyError as error:
            connection.invalidate()
            connection.close()
            raise _unavailable(error) from error

        def release() -> None:
            try:
                unlock = text("SELECT pg_advisory_unlock(:k)")
                if not connection.execute(unlock, {"k": signed}).scalar_one():
                    connection.invalidate()  # not ours any more: never pool a doubtful one
            except SQLAlchemyError:
                connection.invalidate()  # closing the connection frees the lock anyway
            finally:
                connection.close()

        return release


def _unavailable(error: SQLAlchemyError) -> StoreUnavailableError:
    return StoreUnavailableError(
        f"The conversation database failed ({type(error).__name__}). Check BALCONY_DATABASE__URL."
    )


def cross_process_lock(database_url: str, data_dir: Path) -> CrossProcessLock:
    """The layer-2 lock that suits where the conversations are stored."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        return AdvisoryLock(database_url)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return NoCrossProcessLock(database_url)
        database = Path(url.database)
        return FileRangeLock(database.with_name(database.name + ".turns.lock"))
    # Another database: the workers of one host still take turns.
    return FileRangeLock(data_dir / "balcony.turns.lock")


class TurnLocks:
    """`async with locks.hold(session_id):` around a turn; None (a new conversation) is free."""

    def __init__(self, cross: CrossProcessLock, *, wait_seconds: float) -> None:
        self.cross = cross
        self.wait_seconds = wait_seconds

    @classmethod
    def for_database(cls, database_url: str, data_dir: Path, wait_seconds: float) -> TurnLocks:
        return cls(cross_process_lock(database_url, data_dir), wait_seconds=wait_seconds)

    @asynccontextmanager
    async def hold(self, session_id: str | None) -> AsyncIterator[None]:
        if session_id is None:  # a new id: nobody else can be writing to it
            yield
            return
        release = await self._acquire(lock_key(session_id))
        try:
            yield
        finally:
            if not self.cross.waits:
                release()
            else:
                # Shielded: a cancelled or disconnected stream must still let the next turn in.
                with anyio.CancelScope(shield=True):
                    await to_thread.run_sync(release)

    async def _acquire(self, key: int) -> Release:
        deadline = time.monotonic() + self.wait_seconds
        pause = FIRST_PAUSE
        while True:  # bounded by the deadline
            if not self.cross.waits:
                # A call that cannot be interrupted: a lock it takes is returned here.
                release = self._try_acquire(key)
            else:
                # A worker thread that is not abandoned on cancellation: a lock it takes is
                # always returned here, never lost.
                release = await to_thread.run_sync(self._try_acquire, key)
            if release is not None:
                return release
            left = deadline - time.monotonic()
            if left <= 0:
                raise TurnBusyError(BUSY)
            await anyio.sleep(min(pause, left))
            pause = min(pause * 2, MAX_PAUSE)

    def _try_acquire(self, key: int) -> Release | None:
        name = (self.cross.scope, key)
        if not _IN_PROCESS.try_acquire(name):
            return None
        try:
            release_cross = self.cross.try_acquire(key)
        except BaseException:
            _IN_PROCESS.release(name)
            raise
        if release_cross is None:
            _IN_PROCESS.release(name)
            return None
        cross = release_cross

        def release() -> None:
            try:
                cross()
            finally:
                _IN_PROCESS.release(name)

        return release
