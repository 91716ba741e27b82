"""The re-ranker's closeness by words: stems, idf weights and each tool's profile."""

from __future__ import annotations

import math
import threading
from collections import Counter

import pytest

from app.retrieval.wording import (
    WordingProfile,
    dot,
    inverse_document_frequency,
    terms,
    unit,
    weighted,
)


def test_terms_are_stemmed_lower_case_words_of_three_letters_or_more() -> None:
    words = terms("Rotation, ROTATE and rotating: we go on")
    assert words[next(iter(terms("rotate")))] == 3
    assert "we" not in words and "go" not in words and "on" not in words


def test_rarer_stems_weigh_more_and_none_weighs_nothing() -> None:
    idf = inverse_document_frequency([terms("budget panel"), terms("budget"), terms("budget")])
    (budget,), (panel,) = terms("budget"), terms("panel")
    assert idf[panel] > idf[budget] > 0
    assert idf[budget] == pytest.approx(math.log(4 / 4) + 1.0)


def test_weighted_vectors_are_unit_length_and_skip_unknown_stems() -> None:
    idf = inverse_document_frequency([terms("interim manager"), terms("manager rota")])
    vector = weighted(terms("interim interim manager zebra"), idf)
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0)
    assert not any(stem.startswith("zebra") for stem in vector)
    assert weighted(Counter(), idf) == {}


def test_a_query_is_closest_to_the_tool_whose_dilemmas_share_its_words() -> None:
    dilemmas = {
        "power": ["pulling rank with an interim team", "nobody does what the interim asks"],
        "budget": ["the budget panel cut our grant", "finance want savings from the panel"],
    }
    idf = inverse_document_frequency(terms(t) for texts in dilemmas.values() for t in texts)
    profile = WordingProfile(
        idf,
        {
            tool: unit(sum((Counter(weighted(terms(t), idf)) for t in texts), Counter()))
            for tool, texts in dilemmas.items()
        },
    )
    cosines = profile.cosines("As an interim I could pull rank, but should I?")
    assert cosines["power"] > cosines["budget"] >= 0
    assert profile.cosines("") == {"power": 0.0, "budget": 0.0}
    again = WordingProfile.from_json(profile.to_json())
    assert again.cosines("interim rank") == pytest.approx(profile.cosines("interim rank"))


def test_dot_and_unit_on_sparse_weights() -> None:
    assert unit({"a": 3.0, "b": 4.0}) == pytest.approx({"a": 0.6, "b": 0.8})
    assert unit({}) == {}
    assert dot({"a": 1.0}, {"a": 0.5, "b": 2.0}) == 0.5


def test_threads_stem_alike() -> None:
    text = "Commissioning partners keep moving the goalposts on placements"
    expected = terms(text)
    results: list[Counter[str]] = []
    threads = [threading.Thread(target=lambda: results.append(terms(text))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == [expected] * 8
