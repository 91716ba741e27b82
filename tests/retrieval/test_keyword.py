"""The keyword index: BM25 with an English stemmer and stop words."""

from __future__ import annotations

from app.retrieval.keyword import KeywordIndex
from app.retrieval.passages import Passage


def passage(id: str, text: str, title: str = "Title", section: str = "") -> Passage:
    return Passage(id, f"tool-{id}", title, title, section, "tmp/x.md", text)


INDEX = KeywordIndex(
    [
        passage("rota", "We rotate the duty team every week."),
        passage("budget", "Partners hold the budgets and the commissioning."),
        passage("story", "Stories change behaviour where rules do not.", title="Narrative"),
    ]
)


def test_stemming_matches_other_forms_of_a_word() -> None:
    assert [p.id for p, _ in INDEX.search("rotation", 5)] == ["rota"]
    assert [p.id for p, _ in INDEX.search("budgeting", 5)] == ["budget"]


def test_title_words_are_searchable() -> None:
    assert INDEX.search("narrative", 5)[0][0].id == "story"


def test_results_are_best_first_with_positive_scores() -> None:
    results = INDEX.search("budgets and stories about budgets", 5)
    assert [p.id for p, _ in results] == ["budget", "story"]
    assert results[0][1] > results[1][1] > 0


def test_unknown_words_and_stop_words_find_nothing() -> None:
    assert INDEX.search("xylophone quokka", 5) == []
    assert INDEX.search("the and of", 5) == []
    assert INDEX.search("", 5) == []


def test_n_larger_than_the_index_is_fine() -> None:
    assert len(INDEX.search("team budgets stories", 50)) == 3


def test_empty_index_finds_nothing() -> None:
    index = KeywordIndex([])
    assert len(index) == 0
    assert index.search("anything", 5) == []
