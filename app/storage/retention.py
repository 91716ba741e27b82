"""The retention purge, in the background: hourly in the server, never inside a request."""

from __future__ import annotations

import asyncio
import logging

from anyio import to_thread

from app.storage.conversations import ConversationStore

logger = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 3600.0


def purge_once(conversations: ConversationStore, retention_days: int) -> int:
    """Delete conversations untouched for longer than the retention period (0 keeps all)."""
    removed = conversations.purge_older_than(retention_days)
    if removed:
        logger.info("retention purge", extra={"conversations": removed})
    return removed


async def purge_forever(
    conversations: ConversationStore, retention_days: int, every: float = PURGE_EVERY_SECONDS
) -> None:
    """Purge now, then every `every` seconds, until cancelled (the app's lifespan ends)."""
    while True:
        try:
            await to_thread.run_sync(purge_once, conversations, retention_days)
        except Exception as error:  # a failed purge must not take the server down
            logger.warning("retention purge failed", extra={"error": type(error).__name__})
        await asyncio.sleep(every)
