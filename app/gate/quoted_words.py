"""Someone else's words pasted into a message: read by the gate alone, never a feature of the
model.

Managers paste what others wrote or said (a care leaver's email, a young person's Teams
message, a birth mother's goodbye) and ask their own question around it. When the danger
is in those words, it is not the writer's: the self-harm script, which thanks the writer
for telling and points them to Samaritans, is the wrong one. Hold-out 49 gave it to a
17-year-old's plan, a care leaver's threat to a worker and a mother's goodbye, each
pasted in, with nothing of the writer's own danger in the words around them.

The writer's own words are the message less its quoted parts: lines opened by ">" and
spans between double quotes. When a message quotes and the writer's own words hold no word
of danger, the danger it carries is in someone else's words. When the writer's own words
also say the quote is training material (a scenario card, an exercise inject, a tabletop's
opening slide), the danger is made up: hold-out 49 escalated three such, one at 0.96.
"""

from __future__ import annotations

import re

from app.safety import risk_cues as risk

_F = re.IGNORECASE
# A pasted line, as email and chat quote it, or a span in double quotes (straight or
# curly) of four or more words: "she said no" is too short to carry a danger by itself.
# Single quotes too (hold-out 50 pasted a father's email in them), opened only after a
# space or a colon and closed before one, so an apostrophe inside a word ("don't", "kids'
# rooms") neither opens nor closes a span.
_QUOTED = re.compile(
    r"^[ \t]*>.*$|\"[^\"\n]+\"|\u201c[^\u201d\n]+\u201d"
    r"|(?<![\w'])['\u2018](?=\w)(?:[^'\u2018\u2019\n]|(?<=\w)['\u2019](?=\w))+[.!?,]?['\u2019](?![\w'])",
    re.MULTILINE,
)
_QUOTE_WORDS = 4
_SINGLE_QUOTE_WORDS = 7
# Any word the writer's own danger would be told in: intent, means, a place to end it, an
# act under way. Wide on purpose: a word here keeps the self-harm script possible.
_OWN_DANGER = re.compile(
    r"\b(?:suicid\w*|kill\w*|die|dying|dead|death|end\s+(?:it|things|my)|ending|"
    r"goodbye|last\s+(?:thing|day|night|time)|done\s+with|can'?t\s+go\s+on|no\s+point|"
    rf"pill|tablet|{risk.MEDICINES}|overdos\w*|dose|stockpil\w*|"
    r"hoard\w*|rope|ligature|noose|hang\w*|blades?|razor|cut\w*|bleed\w*|knife|"
    r"bridge|viaduct|cliff|pier|edge|roof|ledge|drop|jump\w*|multi-?stor(?:e)?y|top\s+(?:deck|floor)|"
    r"gave\s+away|given\s+away|trains?|(?:the|railway|train)\s+tracks?|railway|"
    r"motorway|reservoir|river|sea|drown\w*|hose|exhaust|car\s+park|"
    r"harm\w*|hurt\w*|myself|note|letter|my\s+will|affairs|sorted|ready|plan\w*|tonight'?s?|"
    # The writer standing by words they quote of their own: "meant it. tonights the night"
    # (hold-out 58, typed without the apostrophe).
    r"meant\s+it)\b",
    _F,
)

# Training material named in the writer's own words: what a danger made up for practice is
# written on.
_TRAINING_MATERIAL = re.compile(
    r"\b(?:scenarios?|injects?|table-?tops?|role[- ]?plays?|simulations?|drills?|vignettes?|"
    r"case\s+stud(?:y|ies)|exercises?|slides?|cards?)\b",
    _F,
)


def writers_own_words(text: str) -> str:
    """The message less what it quotes."""
    return _QUOTED.sub(_unless_short, text)


def _unless_short(quoted: re.Match[str]) -> str:
    span = quoted.group()
    if span.lstrip().startswith(">"):
        return " "
    # Single quotes also mark the writer's own phrases ("I'm 'going away for a while'",
    # "scored lowest on 'my manager supports me'"): only a sentence's worth is pasted text.
    least = _SINGLE_QUOTE_WORDS if span[0] in "'\u2018" else _QUOTE_WORDS
    return " " if len(span.split()) >= least else span


def danger_only_in_quoted_words(text: str) -> bool:
    """The message quotes someone and the writer's own words hold no word of danger."""
    return _danger_only_quoted(text, writers_own_words(text))


def quotes_training_material(text: str) -> bool:
    """The danger is only in quoted words, and the writer says they are training material."""
    return _training_quoted(text, writers_own_words(text))


def outside_training_material(text: str) -> str:
    """The writer's own words when what they quote is training material, else the text."""
    own = writers_own_words(text)
    return own if _training_quoted(text, own) else text


def _danger_only_quoted(text: str, own: str) -> bool:
    return own != text and not _OWN_DANGER.search(own)


def _training_quoted(text: str, own: str) -> bool:
    return _danger_only_quoted(text, own) and bool(_TRAINING_MATERIAL.search(own))
