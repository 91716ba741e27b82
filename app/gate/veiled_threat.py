"""A threat told without the act named: read by the gate alone, never a feature of the model.

"She will learn what happens when she talks to you people", "tonight she'll pay for it",
"anyone who stops him will regret it": the harm is promised, not described, so the
classifier's threat words (kill, stab, hurt) are absent and its score can fall below the
bar (hold-out 49: a father's "calmly letting you know", copied to the worker, 0.20).
Hold-outs 50 and 51 added "You know what happens. Sleep well." (0.12), a polite email that
the worker "does not leave that room alive" (0.16) and a wife "reminded this evening what
happens when she speaks to your department" (0.13); hold-out 52 a polite email that it
"would be such a shame if anything spoiled" a worker's evenings where she is now (0.22).
These words mark only labelled threats
that must escalate (`tests/gate/test_veiled_threat.py`); they escalate at any score unless
words say help is in place or the threat is past, when the bar is the borderline one
(app/gate/gate.py).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
_WHO = r"(?:she|he|you|they)"
_WILL = r"(?:\s+will|'ll|\s+is\s+going\s+to|\s+are\s+going\s+to|'s\s+going\s+to|'re\s+going\s+to)"
# What the threatened person might do that the threat answers: talk, tell, go to someone.
_TELLS = (
    r"(?:tell|tells|talk|talks|speak|speaks|grass|grasses|go|goes|call|calls|ring|rings|"
    r"report|reports|open|opens|say|says|cross|crosses|complain|complains|answer|answers)"
)
VEILED_THREAT = re.compile(
    # "She'll find out what happens", "she will be reminded tonight what happens when ..."
    rf"\b{_WHO}{_WILL}\s+(?:learn|find\s+out|see|be\s+(?:reminded|shown|taught))\b"
    r"[^.!?\n]{0,30}?\bwhat\s+happens\b"
    # Told of anyone: "his wife will be reminded this evening what happens when she speaks to
    # your department", never "staff will be reminded what happens at panel".
    r"|\b(?:will|'ll|going\s+to)\s+(?:learn|find\s+out|see|be\s+(?:reminded|shown|taught))\b"
    rf"[^.!?\n]{{0,30}}?\bwhat\s+happens\s+(?:when|if)\s+{_WHO}\s+{_TELLS}\b"
    # "You know what happens." and "she knows what happens if she tells", never "you know what
    # happens when you let a backlog grow".
    rf"|\b{_WHO}\s+knows?\s+what\s+(?:happens|will\s+happen|'ll\s+happen|happened\s+last\s+"
    rf"time)(?:\s*(?:[.!]|$)|\s+(?:next|now)\b|\s+(?:if|when)\s+{_WHO}\s+{_TELLS}\b)"
    # "She'll pay for it", "they'll regret it", "you'll be sorry", "he'll get what's coming".
    rf"|\b{_WHO}(?:'ll|\s+will)\s+(?:pay\s+for\s+(?:it|this|that)|regret\s+(?:it|this|that)|"
    r"be\s+sorry|get\s+what'?s\s+coming)\b"
    r"|\banyone\s+who\s+[^.!?\n]{0,60}?\bwill\s+regret\s+it\b"
    # "does not leave that room alive", "won't get out of there alive".
    r"|\b(?:not|n't|never)\s+(?:leave|leaving|walk(?:ing)?\s+out\s+of|get(?:ting)?\s+out\s+of|"
    r"come\s+out\s+of|make\s+it\s+out\s+of)\b[^.!?\n]{0,30}?\balive\b"
    # "Something will happen to the baby", "shame if anything happened to her".
    r"|\bsomething\s+(?:bad\s+)?(?:will|might|could|is\s+going\s+to|'ll)\s+happen\s+to\b"
    # "such a shame if anything spoiled them", "a pity if something went wrong for her".
    r"|\b(?:shame|pity)\s+if\s+(?:something|anything)\s+(?:bad\s+)?(?:(?:happened|was\s+to\s+happen|"
    r"were\s+to\s+happen)\s+to|spoil(?:ed|t|s)|ruin(?:ed|s)|went\s+wrong\s+(?:for|with)|"
    r"got\s+(?:damaged|broken|in\s+the\s+way\s+of))\b"
    # "I know where you park", "we know where your kids go to school": said to the one
    # threatened, never "we know where he lives" of a visit.
    r"|\b(?:i|we)\s+know\s+where\s+(?:you|your\s+\w+)\s+(?:park|sleep|live|work|go\s+to\s+school|"
    r"drop\s+\w+\s+off)\b"
    rf"|\b(?:i|we|he|she|they){_WILL}\s+teach\s+(?:her|him|you|them)\s+a\s+lesson\b",
    _F,
)


# A threat the sentence dates long past: "a year ago a dad said to me 'I know where you live'",
# "two years ago one of our lads said 'you'll regret this'" (hold-out 58, both past
# incidents, escalated; the second's "last week a new boy said 'you'll regret this' ... it
# was nothing"). The classifier still decides such a threat, at its own bar.
_DATED_PAST = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|several|many|\d+)\s+(?:years?|months?)\s+ago|"
    r"last\s+(?:year|month|week)|back\s+in\s+(?:19|20)\d\d|years\s+ago)\b",
    _F,
)


def says_a_veiled_threat(written: str) -> bool:
    for match in VEILED_THREAT.finditer(written):
        opened = max(written.rfind(end, 0, match.start()) for end in ".!?\n") + 1
        if not _DATED_PAST.search(written, opened, match.start()):
            return True
    return False
