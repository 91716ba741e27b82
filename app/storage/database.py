"""One SQLAlchemy engine per process: SQLite in the data folder by default, any URL otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import StoreUnavailableError
from app.storage.models import Base


class Database:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, pool_pre_ping=True)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        Base.metadata.create_all(self.engine)
        _add_missing_columns(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            raise StoreUnavailableError(
                f"The conversation database failed ({type(error).__name__}). Check "
                "BALCONY_DATABASE__URL or that BALCONY_DATA_DIR is writable."
            ) from error
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()


# Columns added after the first release: (table, column, SQL type). create_all makes new
# tables but never alters old ones, so a database from an earlier version gets them here.
ADDED_COLUMNS = (("conversations", "owner", "VARCHAR(64)"),)


def _add_missing_columns(engine: Engine) -> None:
    found = inspect(engine)
    with engine.begin() as connection:
        for table, column, kind in ADDED_COLUMNS:
            if column not in {c["name"] for c in found.get_columns(table)}:
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))


def _sqlite_pragmas(connection: object, _: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    # Foreign keys make deleting a conversation delete its messages; WAL lets reads overlap writes.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL is durable across application crashes and saves an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
