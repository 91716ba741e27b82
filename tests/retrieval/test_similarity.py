"""The similarity service: queries scored against material items, the items embedded once."""

from __future__ import annotations

from app.services import Services


def test_similarity_scores_each_text_against_the_query(indexed_services: Services) -> None:
    near, far = indexed_services.similarity.cosines(
        "staff leaving the service", ["social workers resigning", "a sunny afternoon"]
    )
    assert near > far
    assert indexed_services.similarity.cosines("anything", []) == []
