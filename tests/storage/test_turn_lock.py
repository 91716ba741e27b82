"""The per-session turn lock: across processes (SQLite, PostgreSQL), within one, and in a turn."""

from __future__ import annotations

import asyncio
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.core.errors import TurnBusyError
from app.services import Services, build_services
from app.storage.conversations import new_session_id
from app.storage.turn_lock import BUSY, TurnLocks, lock_key
from tests.conftest import REPO, make_settings

READY_SECONDS = 60.0
# Another process: takes one conversation's lock, says so, holds it until told (or killed).
HOLDER = """
import asyncio, sys
from pathlib import Path
from app.storage.turn_lock import TurnLocks

async def main() -> None:
    locks = TurnLocks.for_database(sys.argv[1], Path(sys.argv[2]), wait_seconds=30)
    async with locks.hold(sys.argv[3]):
        print("held", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
    print("released", flush=True)

asyncio.run(main())
"""


def _line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(READY_SECONDS):
            raise AssertionError("the holding process said nothing")
    return process.stdout.readline().strip()


@contextmanager
def held_elsewhere(url: str, data_dir: Path, session_id: str) -> Iterator[subprocess.Popen[str]]:
    """Another process holding `session_id`'s turn lock while the block runs."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, url, str(data_dir), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert _line(process) == "held"
        yield process
    finally:
        process.kill()
        process.wait(10)


def let_go(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("release\n")
    process.stdin.flush()
    assert _line(process) == "released"


def locks(url: str, data_dir: Path, wait_seconds: float) -> TurnLocks:
    return TurnLocks.for_database(url, data_dir, wait_seconds)


async def enter(turn_locks: TurnLocks, session_id: str) -> float:
    """Take and let go of the lock; how long it took to get in."""
    started = time.monotonic()
    async with turn_locks.hold(session_id):
        return time.monotonic() - started


def test_a_session_has_one_stable_key_of_its_own() -> None:
    session = new_session_id()
    assert lock_key(session) == lock_key(session)
    assert lock_key(session) != lock_key(new_session_id())
    assert 0 <= lock_key(session) < 1 << 64


# -- across processes, on both backends (database_url: tests/storage/conftest.py) -----------


def test_a_turn_held_in_another_process_is_waited_for_then_refused(
    database_url: str, tmp_path: Path
) -> None:
    session = new_session_id()
    with held_elsewhere(database_url, tmp_path, session):
        started = time.monotonic()
        with pytest.raises(TurnBusyError) as refused:
            asyncio.run(enter(locks(database_url, tmp_path, 0.3), session))
        waited = time.monotonic() - started
    assert refused.value.status_code == 409
    assert refused.value.message == BUSY
    assert "still being written; send again when it arrives" in BUSY
    assert 0.3 <= waited < 5


def test_a_turn_let_go_in_another_process_lets_the_next_one_in(
    database_url: str, tmp_path: Path
) -> None:
    session = new_session_id()
    with held_elsewhere(database_url, tmp_path, session) as holder:
        threading.Timer(0.5, let_go, (holder,)).start()
        waited = asyncio.run(enter(locks(database_url, tmp_path, 20), session))
    assert 0.4 <= waited < 15


def test_a_process_that_dies_mid_turn_frees_its_conversation(
    database_url: str, tmp_path: Path
) -> None:
    session = new_session_id()
    with held_elsewhere(database_url, tmp_path, session) as holder:
        holder.kill()  # no release: the kernel or the server must free it
        holder.wait(10)
        waited = asyncio.run(enter(locks(database_url, tmp_path, 20), session))
    assert waited < 15


def test_other_conversations_are_not_held_up(database_url: str, tmp_path: Path) -> None:
    with held_elsewhere(database_url, tmp_path, new_session_id()):
        waited = asyncio.run(enter(locks(database_url, tmp_path, 0), new_session_id()))
    assert waited < 5


# -- within one process --------------------------------------------------------------------


def test_turns_on_one_event_loop_take_turns(database_url: str, tmp_path: Path) -> None:
    turn_locks, session = locks(database_url, tmp_path, 20), new_session_id()
    log: list[str] = []

    async def turn(name: str) -> None:
        async with turn_locks.hold(session):
            log.append(f"{name} in")
            await asyncio.sleep(0.05)
            log.append(f"{name} out")

    async def both() -> None:
        await asyncio.gather(turn("a"), turn("b"), turn("c"))

    asyncio.run(both())
    assert len(log) == 6
    assert all(log[i].endswith("in") and log[i + 1].endswith("out") for i in range(0, 6, 2))


def test_turns_on_separate_threads_and_loops_take_turns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'balcony.db'}"
    session, inside, overlaps = new_session_id(), [0], [0]
    count = threading.Lock()

    async def turn() -> None:
        # A separate TurnLocks per thread, as two services in one process would have.
        async with locks(url, tmp_path, 20).hold(session):
            with count:
                inside[0] += 1
                overlaps[0] += inside[0] > 1
            await asyncio.sleep(0.02)
            with count:
                inside[0] -= 1

    threads = [threading.Thread(target=asyncio.run, args=(turn(),)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert overlaps == [0]


def test_a_cancelled_turn_lets_go(database_url: str, tmp_path: Path) -> None:
    turn_locks, session = locks(database_url, tmp_path, 5), new_session_id()

    async def cancelled_then_next() -> float:
        holding = asyncio.Event()

        async def stuck() -> None:
            async with turn_locks.hold(session):
                holding.set()
                await asyncio.sleep(60)

        task = asyncio.create_task(stuck())
        await holding.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return await enter(turn_locks, session)

    assert asyncio.run(cancelled_then_next()) < 1


def test_a_new_conversation_needs_no_lock(tmp_path: Path) -> None:
    turn_locks = locks(f"sqlite:///{tmp_path / 'balcony.db'}", tmp_path, 0)

    async def nested() -> None:
        async with turn_locks.hold(None), turn_locks.hold(None):
            pass

    asyncio.run(nested())


# -- in a chat turn ------------------------------------------------------------------------

MESSAGE = "My team leaders bring every small decision to me; how do I get them to decide?"


@pytest.fixture
def services(indexed_services: Services, tmp_path: Path) -> Services:
    settings = make_settings(tmp_path / "data", coaching={"turn_wait_seconds": 0.3})
    return build_services(settings, index_from=indexed_services)


@pytest.mark.slow
def test_a_message_sent_during_a_reply_is_refused_and_nothing_is_stored(
    services: Services,
) -> None:
    chat = services.chat
    session = asyncio.run(chat.reply(MESSAGE, session_id=None, mode="auto")).session_id
    before = services.conversations.get(session).messages

    async def during_another_turn() -> None:
        async with chat.turn_locks.hold(session):
            await chat.reply("And a second thing, sent at once.", session_id=session, mode="auto")

    with pytest.raises(TurnBusyError, match="still being written"):
        asyncio.run(during_another_turn())
    assert services.conversations.get(session).messages == before


@pytest.mark.slow
def test_a_stream_holds_the_lock_until_it_is_closed_early(services: Services) -> None:
    chat = services.chat
    session = asyncio.run(chat.reply(MESSAGE, session_id=None, mode="auto")).session_id

    async def abandoned_stream() -> None:
        events = chat.stream("Tell me more.", session_id=session, mode="auto")
        first = await anext(events)
        assert first.event == "start"
        with pytest.raises(TurnBusyError):  # the stream's turn still holds the conversation
            await enter(chat.turn_locks, session)
        await events.aclose()  # the client went away
        assert await enter(chat.turn_locks, session) < 1

    asyncio.run(abandoned_stream())
    # Its message was stored before any provider saw it; it waits for a retry.
    last = services.conversations.get(session).messages[-1]
    assert (last.role, last.status) == ("user", "pending")
