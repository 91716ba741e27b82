"""Feedback in, weekly counts out: the insights feature over one conversation store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.insights.service import StoredFeedback, WeekInsights, weekly_insights
from app.safety.redaction import Redactor
from app.storage.conversations import ConversationStore


@dataclass(frozen=True)
class Insights:
    conversations: ConversationStore
    # A comment loses its personal data before it is stored.
    redactor: Redactor

    def record_feedback(
        self,
        *,
        session_id: str,
        reply_id: int,
        helpful: bool,
        comment: str | None,
        owner: str | None,
    ) -> StoredFeedback:
        """Store a rating of one reply; a comment loses its personal data before it is stored."""
        stored = None
        if comment:
            # The conversation's own placeholders, so a name already met keeps its placeholder.
            transcript = self.conversations.get(session_id, owner)
            stored = self.redactor.redact(
                comment, placeholders=transcript.placeholders, scope=session_id
            ).text
        feedback_id = self.conversations.add_feedback(
            session_id, reply_id, helpful=helpful, comment=stored, owner=owner
        )
        return StoredFeedback(feedback_id, stored)

    def weekly(
        self, start: datetime | None, end: datetime | None
    ) -> tuple[datetime, datetime, list[WeekInsights]]:
        """Weekly counts over the range (default: the last 12 weeks), small numbers withheld."""
        return weekly_insights(self.conversations, start, end)
