"""Hear what carries meaning in a message: its particulars, not its acknowledgements or names.

The offline coach reflects back the one or two clauses that matter (the Friday deadline, the
exhausted team) in the second person; placeholders left by redaction become roles ("a child"),
and a short "OK" or an emoji is never said back.
"""

from __future__ import annotations

import re

from app.coaching.reflection import second_person
from app.components.contractions import as_written

# fmt: off
_ACKNOWLEDGEMENTS = frozenset({
    "ok", "okay", "k", "thanks", "thank you", "thankyou", "cheers", "ta", "yes", "yeah", "yep",
    "yup", "sure", "right", "got it", "that makes sense", "makes sense", "fair enough",
    "great", "good", "cool", "will do", "noted", "hmm", "hm", "ah", "i see", "true", "agreed",
    "perfect", "brilliant", "lovely", "nice", "fine", "alright", "all right", "sounds good",
    "that helps", "helpful", "interesting", "no", "nope", "ok thanks", "okay thanks",
    "thanks that helps", "that's helpful", "thats helpful", "that's useful", "useful",
})
# fmt: on
_NOT_WORDS = re.compile(r"[^a-z' ]+")
# An emoji that stands for a feeling is said in words; any other symbol is left out.
_EMOJI_WORDS = {
    "😩": "worn out",
    "😫": "worn out",
    "😓": "worn out",
    "🥱": "worn out",
    "😴": "worn out",
    "😞": "low",
    "😔": "low",
    "😢": "upset",
    "😭": "upset",
    "😡": "angry",
    "😠": "angry",
    "🤬": "angry",
    "😬": "tense",
    "😰": "anxious",
    "😟": "worried",
    "🙃": "fed up",
}
_SYMBOLS = re.compile(r"[^\w\s.,;:!?'’\"()\[\]/&%£$-]")
PLACEHOLDER = re.compile(r"\[([A-Z_]+?)_(\d+)\]")
_PEOPLE = {"CHILD": "child", "PARENT": "parent", "PERSON": "person"}
_THINGS = {
    "DATE": "a date",
    "ADDRESS": "an address",
    "POSTCODE": "a postcode",
    "PHONE": "a phone number",
    "EMAIL": "an email address",
    "CASE_REF": "a case reference",
    "NHS_NUMBER": "an NHS number",
    "NI_NUMBER": "a National Insurance number",
    "DATE_OF_BIRTH": "a date of birth",
    "VEHICLE_REG": "a vehicle registration",
}
# Identifying details in brackets or after a comma add nothing to a reflection: dropped.
_DETAIL = re.compile(
    r"\s*[(,]\s*(?:[A-Za-z.]{1,6}:?\s*)?\[(?:DATE_OF_BIRTH|NHS_NUMBER|NI_NUMBER|CASE_REF|PHONE|"
    r"EMAIL|POSTCODE|ADDRESS|VEHICLE_REG)_\d+\]\s*\)?"
)
# "My deputy, [PERSON_1], thinks" -> "My deputy thinks".
_APPOSITIVE_AFTER = re.compile(
    r"(\b(?:[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir)\s+[A-Za-z' -]{2,40}?),\s*"
    r"\[(?:PERSON|CHILD|PARENT)_\d+\],?"
)
# "My deputy [PERSON_1] thinks" -> "My deputy thinks".
_ROLE_NOUNS = (
    r"deputy|manager|director|worker|colleague|head|lead|supervisor|mum|mother|dad|father|son|"
    r"daughter|child|boy|girl|carer|practitioner|chair|nurse|teacher|officer|assistant|partner|"
    r"friend|sister|brother|aunt|uncle|grandmother|grandfather|baby|student|mentor"
)
_NAME_AFTER_ROLE = re.compile(
    rf"(\b(?:[Mm]y|[Oo]ur|[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[a-z'-]+\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS}))\s+\[(?:PERSON|CHILD|PARENT)_\d+\]"
)
# "[PERSON_1], one of my social workers, told me" -> "One of my social workers told me".
_APPOSITIVE_BEFORE = re.compile(
    r"\[(?:PERSON|CHILD|PARENT)_\d+\],\s*((?:one of|an?|my|our|the)\s[^,]{3,60}),\s*"
)


def is_acknowledgement(message: str) -> bool:
    """A short "OK", "that makes sense" or an emoji: nothing in it to reflect back."""
    text = _NOT_WORDS.sub(" ", message.lower().replace("’", "'"))
    words = " ".join(text.split())
    return not words or (len(words.split()) <= 4 and words in _ACKNOWLEDGEMENTS)


def roles(text: str) -> str:
    """Placeholders said as roles: "[CHILD_1]'s school" -> "a child's school", then "the child"."""
    text = _DETAIL.sub("", text)
    text = _APPOSITIVE_AFTER.sub(r"\1", text)
    text = _NAME_AFTER_ROLE.sub(r"\1", text)
    text = _APPOSITIVE_BEFORE.sub(lambda m: m.group(1) + " ", text)
    seen: dict[str, set[str]] = {}

    def role(match: re.Match[str]) -> str:
        label, number = match.group(1), match.group(2)
        if label not in _PEOPLE:
            return _THINGS.get(label, "a detail")
        noun = _PEOPLE[label]
        numbers = seen.setdefault(label, set())
        first_of_kind = not numbers or number == min(numbers)
        mentioned = number in numbers
        numbers.add(number)
        if noun == "person":
            if not mentioned:
                return "someone" if first_of_kind else "someone else"
            return "the same person" if first_of_kind else "the other person"
        if first_of_kind:
            return f"the {noun}" if mentioned else f"a {noun}"
        return f"the other {noun}" if mentioned else f"another {noun}"

    text = PLACEHOLDER.sub(role, text)
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# What follows "but" or "and" with its subject left out ("she's back at work but won't go
# out alone"): said back alone it would have no subject, so the clause is not broken there.
_NO_SUBJECT = (
    r"(?!\s+(?:won't|can't|cannot|doesn't|don't|isn't|wasn't|hasn't|haven't|didn't|wouldn't|"
    r"couldn't|shouldn't|is|was|has|have|had|will|would|could|can|keeps?|wants?|says?|still|"
    r"never|not|also)\b)"
)
_CLAUSE_BREAK = re.compile(
    rf"\s*;\s*|\s+[-–—]\s+|:\s+|,\s*(?=(?:and|but|so|while|whereas|because)\b{_NO_SUBJECT})|"
    rf",\s+(?!(?:and|but)\b)|\s+(?=(?:but|while|whereas)\b{_NO_SUBJECT})"
)
_LEADING = re.compile(
    r"^(?:and|but|so|while|whereas|because|separately|well|basically|honestly|ok so|okay so|"
    r"also|then|now)\b[,]?\s*",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|"
    r"midnight|deadline|due|by (?:the )?(?:end|morning|tomorrow|lunch)|before lunch|"
    r"this (?:morning|afternoon|evening|week|year)|next (?:week|month|year)|every \w+|"
    r"\d+|percent|months?|weeks?|years?)\b",
    re.IGNORECASE,
)
_FEELING = re.compile(
    r"\b(?:exhausted|worn out|upset|tense|fed up|tired|furious|angry|frightened|shaken|stuck|"
    r"dreading|low|worried|anxious|"
    r"overwhelmed|burnt out|in bits|panick\w*|ignored|caught up|lost sight|won't engage|"
    r"stopped|never|nothing|nobody|no authority|missing|keeps?|can't|don't)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"\b(?:director|councillors?|press|journalists?|ofsted|inspection|audits?|board|health|police|"
    r"schools?|partners?|partnership|providers?|head of service|service manager|deputy|team|"
    r"managers?|staff|agency|interims?|budgets?|rota|policy|report|procedures?|review|complaint|"
    r"famil(?:y|ies)|workers?|visits?|meetings?|referrals?|supervision|children|baby|home|"
    r"email|plan|model|priorities|story|morale|funding|rules|recording|front door|service)\b",
    re.IGNORECASE,
)
# "how do you steady a team" asked by a manager means "how do I": said back as their want.
_HOW_DO_I = re.compile(
    r"^how\s+(?:do|can|should|could|would|might)\s+(?:i|we|you)\s+(?P<rest>.+)$", re.I
)
# "should I tell the board tonight" -> "you're asking whether to tell the board tonight".
_SHOULD_I = re.compile(r"^should\s+(?:i|we)\s+(?P<rest>.+)$", re.I)
# "what do I do about the rota" -> "you're asking what to do about the rota".
_WHAT_TO_DO = re.compile(
    r"^what\s+(?:do|can|should|could|would|might)\s+(?:i|we|you)\s+do\b(?P<rest>.*)$", re.I
)
# Phone typing runs a statement into its question with no stop between them ("he's with the
# night staff now how do I steady the team"): the question starts where such an opener does.
_RUN_ON_QUESTION = re.compile(
    r"(?<=\w)\s+(?=(?:(?:how|what|when|where|who|why)\s+(?:do|does|can|should|could|would|"
    r"might|will)\s+(?:i|we|you)|should\s+(?:i|we))\b)",
    re.IGNORECASE,
)
# A question reported, not asked: the words before the opener end on a verb of asking or
# knowing ("keeps asking what should we do"), or inside the opener itself ("asking what").
_REPORTED = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|know|knows|sure|unsure|idea|decide|tell me|"
    r"told me|says?|said|how|what|when|where|who|why)$",
    re.IGNORECASE,
)
_WH_MODAL = re.compile(
    r"^(?P<wh>how often|how much|how many|how|what|when|where|who|which \w+|why)\s+"
    r"(?P<aux>should|do|does|can|could|would|will|is|are)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_VERBS = re.compile(
    r"\b(?:get|be|have|make|go|take|work|lead|change|handle|stop|use|say|tell|decide|start|"
    r"deal|respond|manage|support|keep|give|help|run|receive|see|need|describe|think|feel|"
    r"know|reach|find)\b"
)
MAX_CLAUSE_WORDS = 24
SPLIT_WORDS = 14  # a clause longer than this is said back in its parts


def _statement(question: str) -> str | None:
    """ "How do I stop X" -> "you want to stop X"; other questions said as "you're asking ..."."""
    if match := _HOW_DO_I.match(question):
        return "you want to " + match.group("rest")
    if match := _WHAT_TO_DO.match(question):
        return "you're asking what to do" + match.group("rest")
    if match := _SHOULD_I.match(question):
        return "you're asking whether to " + match.group("rest")
    if match := _WH_MODAL.match(question):
        aux, rest = match.group("aux").lower(), match.group("rest")
        if aux in ("do", "does"):
            return f"you're asking {match.group('wh').lower()} {rest}"
        verb = _VERBS.search(rest)
        if verb is None:
            return None
        moved = f"{rest[: verb.start()]}{aux} {rest[verb.start() :]}"
        return f"you're asking {match.group('wh').lower()} {moved}"
    return None


def _score(clause: str) -> int:
    return (
        2 * min(len(_TIME.findall(clause)), 1)
        + 3 * min(len(_FEELING.findall(clause)), 1)
        + min(len(_SUBJECT.findall(clause)), 3)
    )


# Single letters typed for words between two words ("my team r exhausted n ..."): said back
# spelled out. Only here, for the reflection: the gate's words leave "r" and "n" alone.
_LETTER_WORDS = re.compile(r"(?<=[a-z] )(r|n)(?= [a-z])")


def plain(message: str) -> str:
    """Feeling emoji said in words; other symbols and emoji left out; "hes" said "he's"."""
    message = as_written(message)
    message = _LETTER_WORDS.sub(lambda m: "are" if m.group(1) == "r" else "and", message)
    for emoji, words in _EMOJI_WORDS.items():
        message = message.replace(emoji, f" {words} ")
    return " ".join(_SYMBOLS.sub(" ", message).split())


def _split_long(clause: str) -> list[str]:
    """A long clause breaks at its "and"s, so a reflection stays short."""
    if len(clause.split()) <= SPLIT_WORDS:
        return [clause]
    return [part for part in re.split(rf"\s+and{_NO_SUBJECT}\s+", clause) if part]


# A numbered round-up ("3 things before i sleep: 1) the rota 2) my deputy ..."): each item
# is its own sentence, and a short heading ending in a colon says nothing to reflect.
_ITEM_MARK = re.compile(r"(?:^|\s)\(?(\d{1,2})\)\s+")
_QUESTION_START = re.compile(
    r"^(?:how|what|who|when|where|which|why|should|shall|can|could|would|do|does|is|are|am)\b",
    re.IGNORECASE,
)
_HEADING_WORDS = 8


def _items(text: str) -> str:
    """A round-up's items, numbered from 1 in order, as sentences of their own."""
    marks = list(_ITEM_MARK.finditer(text))
    numbers = [int(mark.group(1)) for mark in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return text  # "we have 2) children placed": no list
    heading = text[: marks[0].start()].strip()
    if heading.endswith(":") and len(heading.split()) <= _HEADING_WORDS:
        heading = ""
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    items = [text[mark.end() : end].strip() for mark, end in zip(marks, ends, strict=True)]
    sentences = [heading] if heading else []
    for item in filter(None, items):
        if item.endswith((".", "!", "?")):
            sentences.append(item)
        else:
            sentences.append(item + ("?" if _QUESTION_START.match(item) else "."))
    return " ".join(sentences)


def _sentences(text: str) -> list[str]:
    """Sentences as written, a run-on question parted from what came before it."""
    found: list[str] = []
    for sentence in _SENTENCES.split(_items(text)):
        start = 0
        for gap in _RUN_ON_QUESTION.finditer(sentence):
            before = sentence[start : gap.start()]
            if _REPORTED.search(before):
                continue  # "she keeps asking what should we do": a question reported
            found.append(before.rstrip(" ,") + ("." if start == 0 else "?"))
            start = gap.end()
        rest = sentence[start:]
        found.append(rest if start == 0 else rest.rstrip(" .!?") + "?")
    return found


def clauses(message: str) -> list[str]:
    """The message in clauses, each a few words or more, in the order written."""
    found: list[str] = []
    for sentence in _sentences(plain(message)):
        question = sentence.rstrip().endswith("?")
        pieces = [p for raw in _CLAUSE_BREAK.split(sentence) for p in _split_long(raw)]
        for raw in pieces:
            clause = _LEADING.sub("", raw.strip(" .!?,")).strip()
            if len(clause.split()) < 3:
                if found and clause:
                    found[-1] += f", {clause}"
                continue
            if question and (converted := _statement(clause)) is not None:
                clause = converted
            elif question:
                continue  # a question we cannot say back plainly is better left out
            found.append(clause)
    return found


def particulars(message: str, limit: int = 2, avoid: str | None = None) -> list[str]:
    """The one or two clauses that carry most meaning, in the second person, roles for names.

    `avoid` leaves out a clause the reply names anyway (the decision being parked).
    """
    if is_acknowledgement(message):
        return []
    candidates = clauses(roles(message))
    if avoid and len(candidates) > 1:
        candidates = [c for c in candidates if avoid.lower() not in second_person(c).lower()]
    if not candidates:
        return []
    scored = sorted(range(len(candidates)), key=lambda i: _score(candidates[i]), reverse=True)
    chosen = sorted(i for i in scored[:limit] if _score(candidates[i]) > 0) or [scored[0]]
    picked = []
    for index in chosen:
        words = candidates[index].split()
        if len(words) > MAX_CLAUSE_WORDS:
            continue
        picked.append(second_person(" ".join(words)))
    return picked


def said_back(message: str, limit: int = 2, avoid: str | None = None) -> str:
    """The particulars as one sentence without its full stop ("" when nothing carries meaning)."""
    parts = particulars(message, limit, avoid)
    if not parts:
        return ""
    if len(parts) == 2:
        first_word = parts[1].split(maxsplit=1)[0]
        # A capital kept only for a name or acronym the leader wrote mid-sentence ("Ofsted").
        if not re.search(rf"\w[ ,]+{re.escape(first_word)}\b", message):
            parts[1] = parts[1][0].lower() + parts[1][1:]
    text = parts[0] if len(parts) == 1 else f"{parts[0]}, and {parts[1]}"
    text = text.replace(", and and ", ", and ")
    return text[0].upper() + text[1:]
