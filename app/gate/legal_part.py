"""Words that name the law itself, for the one line a coached reply opens with.

Read only by the gate, never a feature of the model. The model's `legal` cue is wide on
purpose (it helps find requests for legal advice): it takes "statutory visits", "court
bundles", "the legal team" and "pre-proceedings letters", words for work that happens to
touch the law. A manager asking how to raise missed statutory visits was told "The legal
part belongs with your legal team", and no legal part was asked about. The pointer is
given only when the message names the law or a legal test: what the law, a statute or a
section says or requires, a legal duty, threshold or position, lawfulness, liability.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
_LAW = r"the\s+law|(?:case|human\s+rights|family|employment|data\s+protection)\s+law|legislation"
_LAWFUL = r"lawful(?:ly|ness)?|unlawful(?:ly)?|legally|legality|statute"
# "a legal duty", "the legal position": never "legal team", "legal planning", "legal gateway".
_LEGAL_THING = (
    r"legal\s+(?:duty|duties|position|advice|answer|test|threshold|minimum|framework|"
    r"requirements?|obligations?|powers?|basis|grounds|status|risk|challenge|action|"
    r"literacy|lecture|briefing|question|responsibilit(?:y|ies)|definition|order)"
)
# "statutory guidance", "statutory duties": never "statutory visits" or "statutory agencies".
_STATUTORY_THING = (
    r"statutory\s+(?:guidance|dut(?:y|ies)|requirements?|framework|powers?|basis|test|"
    r"obligations?|responsibilit(?:y|ies)|regulations?|criteria|definition|footing)"
)
# A named act ("the Children Act", "the Equality Act 2010") or a section by number.
_ACT = r"(?:[a-z]+\s+){1,3}act\s+(?:19|20)\d\d|(?:children|equality|care|human\s+rights)\s+act"
_SECTION = r"section\s+\d+|(?<!')s\.?\s?\d{2}\b|part\s+\d+\s+(?:of|expert)"
_THRESHOLD = (
    r"threshold\s+for\s+(?:care\s+)?proceedings|significant\s+harm|(?:legal|section\s+\d+)\s+"
    r"thresholds?"
)
_COURT_SAYS = (
    r"judicial\s+review|(?:published|court'?s|supreme\s+court|high\s+court|appeal|southwark)\s+"
    r"judgment|the\s+(?:court|judge)\s+(?:ruled|decided|found|ordered|said)|"
    r"court\s+orders?|sued|suing|liable|liability"
)
# "what the regulations require", "what we are required to do by law".
_REQUIRED = r"(?:required|obliged|duty)\s+(?:by|under)\s+(?:law|the\s+act)"  # "statute": _LAWFUL

LEGAL_PART = re.compile(
    rf"\b(?:{_LAW}|{_LAWFUL}|{_LEGAL_THING}|{_STATUTORY_THING}|{_ACT}|{_SECTION}|{_THRESHOLD}|"
    rf"{_COURT_SAYS}|{_REQUIRED})\b",
    _F,
)


def names_the_law(text: str) -> bool:
    """The message names the law or a legal test, not only work that touches it."""
    return bool(LEGAL_PART.search(text))
