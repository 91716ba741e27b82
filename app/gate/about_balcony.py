"""A plain question about Balcony itself: who reads what is typed, what is kept or deleted.

Read only by the gate, never a feature of the model. The classifier sometimes takes such a
question for a probe of the instructions, or for a request for records, and declines it;
asked plainly, it deserves an answer and then coaching. The words are narrow: across every
labelled line they mark none that must be declined (`tests/gate/test_about_balcony.py`
checks it), and a message that also asks for the instructions, a record, legal advice or a
casework decision is still declined (app/gate/gate.py).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# What a manager has typed into Balcony, as they would refer to it.
_TYPED = (
    r"(?:this|these|here|it|that|balcony|"
    r"(?:what|anything|everything|whatever)\s+(?:i|we)\s+(?:type|write|say|put|share|enter|"
    r"tell\s+(?:you|it))|"
    r"(?:my|our|the|these|those)\s+(?:messages?|chats?|conversations?|words|notes|sessions?|"
    r"reflections?|history))"
)
# What was typed, kept or removed: "is it kept", "does it get wiped", "stripped out".
_KEPT = (
    r"(?:deleted|erased|wiped|stored|kept|saved|logged|retained|shared|recorded|archived|"
    r"held|stripped\s+out|removed|searched|disclosed|handed\s+over|"
    # "would my chats with Balcony be part of what gets searched"
    r"(?<=\bbe\s)part\s+of\s+(?:what|the|a|any))"
)
# Balcony doing the keeping, asked as a question ("does balcony store their details", "do
# you log my chats"), never as a request ("can you keep a record of this").
_KEEPS = r"(?:store|keep|save|log|record|retain|hold|remember)"
_WHAT_IS_KEPT = (
    r"(?:their|my|our|any|what|anything|everything|names?|details|data|information|"
    r"\w+(?:'s|s')\s+(?:names?|details|data|information)|"
    r"messages?|chats?|conversations?|it|this|a\s+(?:record|copy|log)\s+of\s+(?:what|this|it|my|our))"
)
# What the writer has said to Balcony, as a subject or object: "what I said yesterday",
# "anything I've written here", "what you hold".
_WRITTEN_HERE = (
    r"(?:(?:what|anything|everything|whatever)\s+(?:i|we)(?:'ve|\s+have)?\s+(?:typed|written|wrote|"
    r"entered|put\s+(?:in|here)|(?:said|shared|told\s+(?:you|it)|mentioned)(?=\s+(?:here|to\s+you|"
    r"in\s+(?:here|this|the\s+chat)|yesterday|earlier|before|last\s+time)))|"
    r"what\s+you\s+(?:hold|keep|store|have\s+(?:kept|stored|saved)))"
)
# Passed on, read, kept or removed: "be passed to anyone", "ever been looked at by a person".
_PASSED_ON = (
    r"(?:passed|sent|forwarded|shown|reported|read|seen|looked\s+at|checked|reviewed|kept|"
    r"stored|saved|deleted|wiped|removed|shared|used)"
)
# Getting at it: "pull up what I said to you", "remove that from what you hold".
_GET_AT = r"(?:see|read|pull\s+up|access|look\s+at|get\s+hold\s+of|retrieve|remove|delete|wipe)"
# Putting something into Balcony, where it goes, and whether that is allowed.
_PASTE = r"(?:paste|copy|put|drop|type|share|upload|enter)"
_IN_HERE = (
    r"\b(?:in\s+here|on\s+here|into\s+(?:here|this|the\s+chat|balcony)|in\s+(?:this|the)\s+chat)\b"
)
_PERMITTED = (
    r"(?:ok|okay|alright|all\s+right|allowed|safe|fine|gdpr[- ]compliant|data[- ]?wise|"
    r"a\s+data\s+breach)\b"
)
ASKS_ABOUT_BALCONY = re.compile(
    # Kept or deleted: "does it get deleted", "is anything I type kept", "how long is what I
    # type here kept".
    # Never an article between ("how do I make it a shared problem").
    rf"\b(?:does|do|is|are|will|would|can|how\s+long|whether)\s+(?:\w+\s+){{0,3}}?{_TYPED}\s+"
    rf"(?:(?!(?:a|an|the)\s)\w+\s+){{0,2}}?(?:get\s+|be\s+|being\s+)?{_KEPT}\b"
    rf"|\b(?:does|do)\s+(?:balcony|you|it|this\s+(?:tool|app|thing|bot|coach))\s+"
    rf"(?:\w+\s+)?{_KEEPS}\s+{_WHAT_IS_KEPT}\b"
    # Read by whom: "is a human reading this", "would anyone at the council ever see it".
    r"|\b(?:is|are|does|do|will|would|can|could|has|have|who)\s+(?:a\s+|any\s*|some\s*)?"
    r"(?:real\s+)?(?:human|person|one|body|people|my\s+\w+|managers?|the\s+council|it|else|"
    r"in\s+the\s+(?:council|team|authority|organisation|service))\s+(?:\w+\s+){0,4}?"
    rf"(?:read(?:ing|s)?|see(?:ing|s)?|look(?:ing)?\s+at|watch(?:ing)?|access(?:ing)?)\s+{_TYPED}\b"
    # What was said, then where it goes: "will what I said yesterday ... be passed to anyone",
    # "has anything I've written here ever been looked at by a person".
    rf"|\b(?:will|would|does|do|is|could|can|has|have)\s+{_WRITTEN_HERE}\b[^.?!]{{0,80}}?"
    rf"\b(?:be|been|get|gets|got)\s+(?:\w+\s+)?{_PASSED_ON}\b"
    rf"|\b(?:can|could|would|will|does|do|is\s+there\s+a\s+way\s+to)\s+[^.?!]{{0,60}}?"
    rf"\b{_GET_AT}\s+(?:\w+\s+){{0,3}}?(?:from\s+)?{_WRITTEN_HERE}"
    # "does that stay somewhere? who would be able to see it?" (session 31, after hold-out
    # 41's read, where it was declined as legal advice).
    r"|\bwho\s+(?:would|could|can|will|might)\s+(?:be\s+able\s+to\s+|ever\s+)?"
    r"(?:see|read|access|look\s+at)\s+(?:it|this|that|them)\b"
    r"|\b(?:does|do|will|would)\s+(?:that|it|this)\s+stay\s+(?:somewhere|anywhere|"
    r"on\s+(?:the\s+|your\s+)?(?:system|record|server)|in\s+(?:the\s+|your\s+)?(?:system|"
    r"records?|logs?|memory))"
    # Whether something may be pasted in at all: "if I paste a bit of a Teams chat in here,
    # is that OK data-wise?", "is it alright to copy an email into this?" (session 32, after
    # hold-out 42's read, where the first was declined as a probe of the instructions).
    rf"|\b(?:if|can|could|should)\s+(?:i|we)\s+{_PASTE}\b[^.?!]{{0,60}}?{_IN_HERE}[^.?!]{{0,60}}?"
    rf"\b{_PERMITTED}"
    rf"|\bis\s+(?:it|that)\s+{_PERMITTED}\s+(?:for\s+me\s+)?to\s+{_PASTE}\b[^.?!]{{0,60}}?{_IN_HERE}"
    # What pasted in is left behind: "if I paste in an email from a parent ..., are the
    # family's details left sitting somewhere afterwards?" (session 35, after hold-out 49's
    # read, where it was declined as a request for a record).
    rf"|\b(?:if|when|once)\s+(?:i|we)\s+{_PASTE}\b[^.?!]{{0,80}}?\b(?:are|is|will|would|do|does)\s+"
    r"(?:the\s+|their\s+|any\s+|those\s+|these\s+)?(?:\w+(?:'s|s')\s+)?(?:names?|details|data|"
    r"information|emails?|it|that)\s+(?:then\s+|still\s+)?(?:be\s+)?(?:left|kept|stored|saved|held|"
    r"retained|sitting)\b"
    # Whether names must be taken out of what is typed here: "should I anonymise children's
    # names when I mention cases in here?" (session 32, after hold-out 44's read, where it
    # was declined as a casework decision).
    r"|\b(?:should|do|must|shall|need)\s+(?:i|we)\s+(?:to\s+)?(?:anonymi[sz]e|leave\s+out|take\s+out|"
    rf"remove|change|use\s+initials\s+for)\b[^.?!]{{0,60}}?\b(?:names?|details)\b[^.?!]{{0,60}}?"
    rf"(?:{_IN_HERE}|\bto\s+you\b)"
    # Whether a detail may be given at all: "is it ok to mention a child's age and school when
    # I'm asking you stuff?" (session 34, after hold-out 46's read, where it was declined as
    # a casework decision).
    rf"|\bis\s+(?:it|that)\s+{_PERMITTED}\s+(?:for\s+me\s+)?to\s+(?:mention|name|give|say|include|"
    r"share|tell\s+you|use)\b[^.?!]{0,80}?(?:\bto\s+you\b|\bwhen\s+i'?m\s+(?:asking|talking\s+to|"
    rf"telling|using)\s+(?:you|balcony|this)\b|{_IN_HERE})"
    # What Balcony is for: "... or is that not really what you're for?" (session 34, after
    # hold-out 46's read, where it was declined as a probe of the instructions).
    r"|\b(?:is\s+(?:that|this|it)|isn'?t\s+(?:that|this|it)|that'?s)\s+(?:not\s+)?(?:really\s+|even\s+)?"
    r"what\s+(?:you'?re|you\s+are|balcony'?s|balcony\s+is|this\s+(?:tool\s+)?is)\s+(?:meant\s+|designed\s+)?"
    r"for\b"
    r"|\bwhat\s+(?:are\s+you|is\s+balcony|is\s+this\s+(?:tool|app|coach|thing))\s+(?:actually\s+|really\s+)?"
    r"(?:meant\s+|designed\s+)?for\b",
    _F,
)


def asks_about_balcony(written: str) -> bool:
    return bool(ASKS_ABOUT_BALCONY.search(written))


# How to use Balcony: how long a message may be, whether ranting or swearing at it is all
# right, whether it must be asked politely (session 37, after hold-out 53's read: "is there
# a word limit? because tonight's rant is going to be a long one" got the self-harm script
# at 0.88, and "if I rant at you first, will you still be useful" was declined). Across
# every labelled line these words mark five lines, all ordinary.
ASKS_HOW_TO_USE = re.compile(
    r"\bis\s+there\s+(?:a|any)\s+(?:word|character|length|message)\s+limit\b"
    r"|\bhow\s+(?:long|much)\s+(?:can|should)\s+(?:i\s+(?:write|type|go\s+on)|"
    r"(?:my|a|each)\s+messages?\s+be)\b"
    r"|\b(?:rant|vent|swear|moan|offload|waffle|ramble)(?:ing)?\s+(?:at|to)\s+(?:you|balcony)\b"
    r"|\b(?:judge|mind)\s+(?:me\s+)?(?:for\s+)?swearing\b"
    r"|\bdo\s+i\s+(?:need|have)\s+to\s+be\s+(?:polite|nice|formal|brief|short|concise)\b"
    r"|\b(?:will|would)\s+you\s+still\s+(?:be\s+(?:useful|helpful|any\s+(?:use|good))|help|work)\b"
    r"|\bcan\s+(?:you|balcony)\s+(?:cope\s+with|handle|understand)\s+(?:swearing|typos|"
    r"long\s+messages|text-?speak|my\s+spelling)\b",
    _F,
)


def asks_how_to_use_balcony(written: str) -> bool:
    return bool(ASKS_HOW_TO_USE.search(written))


# Words that carry no dilemma of their own around such a question ("quick one before I
# start: is this stored?"). Anything else outside the question counts towards a dilemma.
_FILLER_WORDS = """
    a about after also am an and any anyway are ask asking be before bit can could curious do
    does first for get got hello hey hi honest how i i'm if in is it just know like me mind my
    need no not of ok okay on one or please question quick really say sorry so start starting
    tell thank thanks that the then there this to up use using want wanted was we well were
    what when whether which will with wondering would yes you your
    accident accidentally mistake by name names surname typed type write wrote written put
    here chat chats conversation conversations tool app bot coach data information details
    personal store stored save saved keep kept delete deleted wiped read reading see seen
    happen happens happened council anyone someone people person human afterwards later long
    actually anything anywhere been but clear come earlier ever every from has have into
    its it's ive let lets log mention mentioned off our quickly real said scratch since
    them they thing time while who why window tab close closed again back next week
    i'd than rather guess typing checking training second thoughts honestly
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words outside the question, past this many, are taken as a dilemma to coach.
DILEMMA_WORDS = 6


def asks_nothing_else(written: str) -> bool:
    """The message is only the question about Balcony: outside it, too few words say what is
    happening for there to be anything to coach. Coaching a tool retrieval picked for no
    dilemma reads as not listening; the answer and an invitation do not."""
    outside = ASKS_HOW_TO_USE.sub(" ", ASKS_ABOUT_BALCONY.sub(" ", written.lower()))
    words = [w for w in _WORD.findall(outside) if len(w) > 2 and w not in _FILLER]
    return len(words) < DILEMMA_WORDS
