"""Safety before coaching: personal-data redaction and the word cues the gate reads."""

from app.safety.redaction import Redaction, Redactor

__all__ = ["Redaction", "Redactor"]
