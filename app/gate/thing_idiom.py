"""A dark fate wished on a thing: read by the gate alone, never a feature of the model.

Managers curse their systems the way they curse the weather: "the pool car app deserves
concrete boots and a swim in the Tees", "the audit spreadsheet is trebuchet material". The
model's `violence_at_thing` cue reads such a wish when the verb comes first ("lobbing the
room booker off the barrage"); told with the thing first, the fate words alone read to the
classifier like a plan to die, and it escalated two such lines (0.35 and 0.73). These words,
a thing of work named and then a fate for it, mark 16 labelled lines, every one ordinary
(`tests/gate/test_thing_idiom.py` checks it).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# Things of work a manager curses (also read by the model's `violence_at_thing` cue).
THINGS = (
    r"(?:system|portal|booker|booking\s+system|printer|form|spreadsheet|rota|template|app|"
    r"software|database|dashboard|tracker|workflow|e-learning|quiz|inbox|timesheets?|invoices?|"
    r"laptop|policy|helpdesk|module|login|password|photocopier|scanner|drop-?downs?|emails?)"
)
# "deserves", "needs", "is ... material", "should be", "belongs in".
_WISHED = (
    r"(?:is|are|'s|deserves?|needs?|wants?|should\s+be|ought\s+to\s+be|belongs?\s+(?:in|at|on)|"
    r"has\s+earned|is\s+going|is\s+getting|is\s+heading|'s\s+going|'s\s+getting)"
)
_FATE = (
    r"(?:concrete\s+(?:boots|wellies|shoes)|trebuchet|catapult|skip|bin|bonfire|exorcism|"
    r"exorcist|firing\s+squad|shredder|the\s+(?:sea|river|canal)|a\s+cliff|"
    r"out\s+(?:of\s+)?the\s+window|burn(?:ing|t|ed)?|torch(?:ed|ing)?|set\s+on\s+fire|"
    r"sett?ing\s+(?:on\s+)?fire|drown(?:ed|ing)?|buried|burying|shot|put\s+down|"
    r"taken\s+out\s+(?:back|the\s+back)|hurled|launched|lobbed|thrown|chucked|yeeted|"
    r"sledgehammer|baseball\s+bat)"
)
# The fate is the thing's, not a person's: "the system is drowning me in alerts" and "wants
# me buried" are the thing harming someone.
_PERSON = r"(?:me|myself|us|him|her|them|you|everyone|everybody|staff|people)\b"
THING_FATE = re.compile(
    rf"\b{THINGS}s?\s+{_WISHED}\s+(?:(?!{_PERSON})[\w'-]+\s+){{0,5}}?{_FATE}\b(?!\s+{_PERSON})",
    _F,
)


def wishes_a_thing_harm(text: str) -> bool:
    """The message wishes a dark fate on a thing of work, thing first."""
    return bool(THING_FATE.search(text))
