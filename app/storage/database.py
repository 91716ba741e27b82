"""One SQLAlchemy engine per process: SQLite in the data folder by default, any URL otherwise."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import StoreUnavailableError
from app.storage import migrate

logger = logging.getLogger(__name__)

# Tables whose rows hold (redacted) text and are erased with a conversation.
TEXT_TABLES = ("conversations", "messages", "feedback")
CHECKPOINT_TRIES = 5  # a reader mid-snapshot makes a checkpoint wait; try briefly, then say so
# How long a SQLite write waits for another's lock before failing. Python's default, 5 s,
# counts time queued behind every other writer of every worker: under load a write could
# wait that long and the turn failed with 503. A turn waits up to a minute for its
# conversation's turn lock anyway, so the store may wait half that.
SQLITE_BUSY_MS = 30_000


class Database:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            migrate.upgrade(self.engine)
        except (SQLAlchemyError, OSError) as error:  # OSError: the lock file beside it
            raise StoreUnavailableError(
                f"The conversation database could not be opened or migrated "
                f"({type(error).__name__}). Check BALCONY_DATABASE__URL or that "
                "BALCONY_DATA_DIR is writable."
            ) from error

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            # The driver's error name (e.g. SQLITE_BUSY), never its text: that may quote rows.
            code = getattr(getattr(error, "orig", None), "sqlite_errorname", None)
            logger.warning(
                "conversation database failed", extra={"error": type(error).__name__, "code": code}
            )
            raise StoreUnavailableError(
                f"The conversation database failed ({type(error).__name__}). Check "
                "BALCONY_DATABASE__URL or that BALCONY_DATA_DIR is writable."
            ) from error
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def reclaim(self) -> None:
        """After erasure, remove the deleted text from where the database still keeps it.

        SQLite zeroes deleted cells (secure_delete) but the write-ahead log still holds the
        pages as they were: a TRUNCATE checkpoint copies the zeroed pages home and empties
        it. PostgreSQL keeps deleted rows until VACUUM removes them, which cannot run inside
        a transaction. A failure here is logged, not raised: the rows are already gone.
        """
        try:
            if self.engine.dialect.name == "sqlite":
                self._checkpoint()
            elif self.engine.dialect.name == "postgresql":
                with self.engine.connect() as connection:
                    connection.execution_options(isolation_level="AUTOCOMMIT")
                    connection.exec_driver_sql(f"VACUUM {', '.join(TEXT_TABLES)}")
        except SQLAlchemyError as error:
            logger.warning("Erased rows not yet reclaimed from disk (%s)", type(error).__name__)

    def _checkpoint(self) -> None:
        for attempt in range(CHECKPOINT_TRIES):
            with self.engine.connect() as connection:
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            if row[0] == 0:  # not busy: every frame copied and the log emptied
                return
            time.sleep(0.05 * (attempt + 1))
        logger.warning("The SQLite log is busy; erased text leaves it at the next checkpoint")


def _sqlite_pragmas(connection: object, _: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    # First, so the statements below wait for a worker that is opening the file too (switching
    # to WAL needs a moment's exclusive lock) rather than failing at once.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    # Foreign keys make deleting a conversation delete its messages; WAL lets reads overlap writes.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL is durable across application crashes and saves an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted rows are overwritten with zeros, not left readable in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()
