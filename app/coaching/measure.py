"""How long a reply is and how many questions it asks, counted the same way everywhere."""

from __future__ import annotations

import re

_CITATION = re.compile(r"\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def word_count(text: str) -> int:
    """Words a reader reads: citation markers such as [2] are not words."""
    return len(_CITATION.sub(" ", text).split())


def unquoted(text: str) -> str:
    """The reply without the passages it quotes (material or the leader's own words)."""
    return _QUOTED.sub(" ", text)


def question_count(text: str) -> int:
    """Questions the reply asks: question marks outside quotations."""
    return unquoted(text).count("?")
