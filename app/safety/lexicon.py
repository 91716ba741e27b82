"""The shipped word lists (names, surnames, places, never-names) and the cue words around names."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


# Letters that NFKD does not take apart: "Łukasz" is typed "Lukasz" as often as not.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "l", "ı": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae"}
)


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Return a word lower-cased without accents, the form every list is kept in."""
    if word.isascii():
        return word.lower()  # the common case, without Unicode decomposition
    plain = word.replace("’", "'").translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", plain)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _read(*names: str) -> frozenset[str]:
    words: set[str] = set()
    for name in names:
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        words.update(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")
    return frozenset(words)


def _words(text: str) -> tuple[str, ...]:
    """Split a block of space-separated words."""
    return tuple(text.split())


TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr", "councillor", "rev"}
)
# Police ranks before a name ("DI Carver", "DS Patel"), read only as typed: "pc" and "ds" in
# lower case are as often a computer or a console.
POLICE_RANKS = frozenset({"DI", "DS", "DC", "DCI", "DSI", "PC", "PCSO", "Sgt", "Insp", "Det"})
# After "the" and a listed surname, the people of a case: "the Hendry case", "the Bianchi
# boy's placement".
CASE_NOUNS = frozenset(
    _words(
        """
        case cases boy boys girl girls kids twins siblings brothers sisters lad lads baby
        """
    )
)
# Lower-case words that announce a name: "her mum, Karen", "his son Jayden", "a boy called Kai".
CHILD_WORDS = frozenset(
    _words(
        """
        son daughter child boy girl baby toddler infant pupil sibling brother sister stepson
        stepdaughter grandson granddaughter nephew niece teenager teen twin twins newborn lad lass
        youngster
        """
    )
)
PARENT_WORDS = frozenset(
    _words(
        """
        mum mummy mam mom mother dad daddy father stepdad stepmum stepfather stepmother parent
        """
    )
)
OTHER_WORDS = frozenset(
    _words(
        """
        nan nana gran granny grandma grandmother grandad grandpa grandfather uncle aunt auntie
        aunty cousin partner boyfriend girlfriend husband wife ex carer named called worker
        manager colleague friend neighbour lodger teacher practitioner officer nurse visitor
        supervisor head deputy student apprentice
        """
    )
)
RELATION_WORDS = CHILD_WORDS | PARENT_WORDS | OTHER_WORDS
# Roles a colleague is named after, set off by commas: "my PA, Zorbeth, has left", "the LADO,
# Zorbeth Quillane, rang". Only with a comma on both sides: "the PA promise", "chair ICPCs" and
# "Assistant director, Northern Trust" are no names.
ROLE_WORDS = OTHER_WORDS | frozenset(
    _words(
        """
        pa iro lado dsl sw tm chair director coordinator lead adviser advisor solicitor
        therapist mentor educator advocate assessor psychologist administrator
        """
    )
)
# Words after "X's" that make X a child or a parent.
CHILD_AFTER_POSSESSIVE = frozenset(
    _words(
        """
        mum mummy mam mom mother dad daddy father parents stepdad stepmum nan gran grandma
        grandad school teacher class nursery carer carers placement social
        """
    )
)
PARENT_AFTER_POSSESSIVE = frozenset(
    ["son", "daughter", "children", "kids", "baby", "boy", "girl", "sons", "daughters"]
)
PERSON_VERBS = frozenset(
    _words(
        """
        is was has had said says told tells lives lived went goes wants wanted doesn't didn't
        isn't wasn't can't won't and who came comes feels felt keeps kept will would started
        stopped missed refused disclosed from at rang called visited
        """
    )
)
MODAL_LIKE = frozenset(
    _words(
        """
        will may mark pat rob bill sue grant chase drew hope lance guy frank don art ray max kit
        miles major king
        """
    )
)
MONTHS = frozenset(
    _words("january february march april may june july august september october november december")
)
MONTH_NAMES = frozenset({"april", "may", "june", "august"})
MONTH_LEAD = frozenset(
    _words(
        """
        in on of since until till by from during early late mid last next this end beginning
        before after
        """
    )
)
PLACE_LEAD = frozenset(["in", "at", "from", "near", "around", "across", "outside"])
MOTION_WORDS = frozenset(
    _words(
        """
        moved move moving went go going goes travel travelled drove drive back returned
        relocated sent placed came come
        """
    )
)
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "our", "my", "your", "their", "its"])

# Lower-case words before a name that join it to the last one: "Dafydd ap Rhys", "Ní Bhriain".
PARTICLES = frozenset(
    _words("ap ab ferch verch ni nic o ui mac mc van von der den de del di da du la le bin ibn")
)
# Words that take a person after them: "saw amir", "told josh", "spoke to hazel".
PERSON_BEFORE = frozenset(
    _words(
        """
        saw met told tell telling asked ask visited visit phoned phone rang ring texted text
        emailed email messaged see seeing meet meeting supervise supervising
        """
    )
)
# Verbs of telling, and the words that open a clause before a name that is also a word.
SPEECH_VERBS = frozenset(
    _words("said says told tells disclosed discloses cried shouted screamed texted phoned rang")
)
CLAUSE_OPENERS = frozenset(_words("and but then because that when so after before while"))
SPOKE_WORDS = frozenset(
    _words("spoke speak speaking talk talked talking explained wrote write listened listen said")
)
# The names in MODAL_LIKE that are modal verbs: after "her partner" they are read as verbs
# unless a word no verb could follow comes next.
MODAL_NAMES = frozenset({"will", "may"})
# Words that open a verb's object: "her brother drew a knife", "his dad rob the shop".
VERB_OBJECT_STARTS = frozenset(
    _words("a an the his her him them me us my our their your it this that some")
)
# Words that follow a name but never a modal verb: "her son will is 7", "mum may said".
AFTER_NAME_NOT_VERB = frozenset(
    _words(
        """
        is was has had said says told tells went goes kept came comes rang ran and who
        will would can could should might must shall does did doesnt didnt isnt wasnt hasnt
        doesn't didn't isn't wasn't hasn't won't wont can't cant
        """
    )
)


def follows_a_name_not_a_modal(word: str) -> bool:
    """ "will is", "will kicked off", "will hates": no modal verb is followed by these; "will
    kill", "will need", "will miss" are verbs. The end of the text is read as a name."""
    past = len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
    third_person = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us"))
    return not word or word in AFTER_NAME_NOT_VERB or past or third_person


# Verbs after a lower-case word that make it a person: "josh said", "harry refused".
SAID_VERBS = frozenset(
    _words(
        """
        said says told tells wants wanted lives lived went goes keeps kept refused refuses
        disclosed discloses hit hits came comes rang rings called calls cried shouted ran
        texted phoned emailed didnt doesnt wont cant isnt wasnt hasnt didn't doesn't won't
        can't isn't wasn't hasn't turned moved asked admitted denied
        """
    )
)


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    first_name_words: frozenset[str]
    surnames: frozenset[str]
    surname_words: frozenset[str]
    places: frozenset[str]
    not_names: frozenset[str]
    public_names: frozenset[str]
    # Listed names that are also lower-case words ("jack", "hazel"): lower case needs context.
    lower_words: frozenset[str] = frozenset()

    def first_kind(self, word: str) -> str | None:
        """Return "plain" for a name, "word" for a name that is also a word, else None."""
        key = fold(word)
        if key in self.first_names:
            return "plain"
        if key in self.first_name_words:
            return "word"
        parts = key.split("-")
        if len(parts) > 1 and all(
            p in self.first_names or p in self.first_name_words for p in parts
        ):
            return "plain"
        # "jayden-lee", "lily-rose": a plain first name joined to any name, a surname's too.
        names = (self.first_names, self.first_name_words, self.surnames, self.surname_words)
        joined = all(any(p in known for known in names) for p in parts[1:])
        if len(parts) > 1 and parts[0] in self.first_names and joined:
            return "plain"
        return None

    def surname_kind(self, word: str) -> str | None:
        """Return "plain" or "word" for a known surname (either half of a double-barrel)."""
        key = fold(word)
        parts = [key, *key.split("-")] if "-" in key else [key]
        if any(p in self.surnames for p in parts):
            return "plain"
        if any(p in self.surname_words for p in parts):
            return "word"
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the lists once per process."""
    return Lexicon(
        first_names=_read("first_names.txt", "first_names_supplement.txt"),
        first_name_words=_read("first_names_common_words.txt"),
        surnames=_read("surnames.txt", "surnames_supplement.txt"),
        surname_words=_read("surnames_common_words.txt"),
        places=_read("places.txt"),
        not_names=_read("not_names.txt"),
        public_names=_read("public_names.txt"),
        lower_words=_read("lower_case_words.txt"),
    )
