"""Personal data replaced by typed placeholders, kept consistent within a conversation."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from app.safety.lexicon import TITLES, lexicon
from app.safety.names import NameFinder, NameSpan
from app.safety.patterns import Span, find_structured

PLACEHOLDER = re.compile(r"\[([A-Z_]+)_(\d+)\]")
# When two findings overlap the earlier kind in this list wins, then the longer span.
PRIORITY = (
    "EMAIL",
    "NI_NUMBER",
    "NHS_NUMBER",
    "PHONE",
    "POSTCODE",
    "VEHICLE_REG",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "CASE_REF",
    "DATE",
    "NAME",
)


@dataclass
class Redaction:
    text: str
    # digest -> placeholder: the conversation's mapping, holding no original value.
    placeholders: dict[str, str]
    # placeholder kind (lower case) -> how many were replaced in this text.
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Finding:
    start: int
    end: int
    kind: str
    value: str
    name: NameSpan | None = None


class Redactor:
    """Replace personal data with placeholders; the mapping's keys are keyed hashes."""

    def __init__(self, secret: bytes) -> None:
        if not secret:
            raise ValueError("The redaction secret must not be empty.")
        self._secret = secret

    def digest(self, scope: str, kind: str, value: str) -> str:
        """Return the HMAC-SHA256 of scope, kind and normalised value, in hex."""
        message = "\x1f".join((scope, kind, value)).encode("utf-8")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def redact(
        self, text: str, *, placeholders: Mapping[str, str] | None = None, scope: str = ""
    ) -> Redaction:
        """Return the text with personal data replaced, and the updated mapping."""
        mapping = dict(placeholders or {})
        numbers = _highest_numbers(mapping.values())
        counts: Counter[str] = Counter()

        def known(word: str) -> bool:
            # A conversation with no placeholders yet knows no names: no digest to compute.
            return bool(mapping) and self.digest(scope, "NAME", word) in mapping

        findings = [_Finding(s.start, s.end, s.kind, s.value) for s in find_structured(text)]
        findings += [_Finding(n.start, n.end, "NAME", n.key, n) for n in _names(text, known)]
        pieces: list[str] = []
        cursor = 0
        for finding in _choose(findings, _existing_placeholders(text)):
            placeholder = self._placeholder(finding, scope, mapping, numbers)
            pieces += [text[cursor : finding.start], placeholder]
            cursor = finding.end
            counts[PLACEHOLDER.fullmatch(placeholder)[1].lower()] += 1  # type: ignore[index]
        pieces.append(text[cursor:])
        return Redaction("".join(pieces), mapping, dict(counts))

    def _placeholder(
        self, finding: _Finding, scope: str, mapping: dict[str, str], numbers: Counter[str]
    ) -> str:
        key = self.digest(scope, finding.kind, finding.value)
        if key in mapping:
            return mapping[key]
        name = finding.name
        if name is not None and name.first is not None:
            # "Mia Thompson" after an earlier "Mia" is the same child.
            first_key = self.digest(scope, "NAME", name.first)
            if first_key in mapping:
                mapping[key] = mapping[first_key]
                return mapping[key]
        label = name.label if name is not None else finding.kind
        numbers[label] += 1
        placeholder = f"[{label}_{numbers[label]}]"
        mapping[key] = placeholder
        if name is not None and not name.titled:
            # Each part alone ("Mia", "Thompson") later points to the same placeholder.
            for part in {name.key.split()[0], name.key.split()[-1]}:
                mapping.setdefault(self.digest(scope, "NAME", part), placeholder)
        return placeholder


def _names(text: str, known: Callable[[str], bool]) -> list[NameSpan]:
    """The names in one message. A name found once is a name wherever else it stands in the
    message: "our deputy, Olu, ... Olu is at home" left the second (hold-out 56), where only
    the first had the words around it that mark a name. Only a part that can be nothing but
    a name is carried: no ordinary word ("Justice", "Final"), no "I'm", no initial."""
    first = list(NameFinder(text, known).find())
    parts = {
        part
        for name in first
        if not name.titled and not text[name.start : name.end].isupper()
        for part in name.key.split()
        if _only_a_name(part)
    }
    if not parts:
        return first
    return list(NameFinder(text, lambda word: known(word) or word in parts).find())


def _only_a_name(part: str) -> bool:
    words = lexicon()
    return (
        len(part) >= 3
        and part.isalpha()
        and words.first_kind(part) != "word"
        and words.surname_kind(part) != "word"
        and part not in words.lower_words
        and part not in words.not_names
        and part not in words.places
        and part not in TITLES
    )


def _highest_numbers(placeholders: Iterable[str]) -> Counter[str]:
    """Return the highest number used per label so numbering continues."""
    highest: Counter[str] = Counter()
    for placeholder in placeholders:
        match = PLACEHOLDER.fullmatch(placeholder)
        if match:
            highest[match[1]] = max(highest[match[1]], int(match[2]))
    return highest


def _existing_placeholders(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]


def _choose(findings: list[_Finding], reserved: list[tuple[int, int]]) -> list[_Finding]:
    """Keep non-overlapping findings, by kind priority and then length; return them in order."""
    ranked = sorted(findings, key=lambda f: (PRIORITY.index(f.kind), f.start - f.end, f.start))
    taken: list[tuple[int, int]] = list(reserved)
    chosen: list[_Finding] = []
    for finding in ranked:
        if all(finding.end <= start or finding.start >= end for start, end in taken):
            taken.append((finding.start, finding.end))
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


__all__ = ["Redaction", "Redactor", "Span"]
