"""Safety before coaching: safeguarding escalation and personal-data redaction."""

from app.safety.redaction import Redaction, Redactor
from app.safety.safeguarding import (
    SafeguardingAssessment,
    SafeguardingCheck,
    SafeguardingContacts,
    escalation_reply,
)

__all__ = [
    "Redaction",
    "Redactor",
    "SafeguardingAssessment",
    "SafeguardingCheck",
    "SafeguardingContacts",
    "escalation_reply",
]
