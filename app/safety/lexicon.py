"""The shipped word lists: first names, surnames, places and words that are never names."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def fold(word: str) -> str:
    """Return a word lower-cased without accents, the form every list is kept in."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _read(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    first_name_words: frozenset[str]
    surnames: frozenset[str]
    surname_words: frozenset[str]
    places: frozenset[str]
    not_names: frozenset[str]
    public_names: frozenset[str]

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
        first_names=_read("first_names.txt"),
        first_name_words=_read("first_names_common_words.txt"),
        surnames=_read("surnames.txt"),
        surname_words=_read("surnames_common_words.txt"),
        places=_read("places.txt"),
        not_names=_read("not_names.txt"),
        public_names=_read("public_names.txt"),
    )
