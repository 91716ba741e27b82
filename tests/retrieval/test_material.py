"""The material retrieval serves: every indexed passage, in step with the store."""

from __future__ import annotations

from app.services import Services


def test_the_material_holds_every_indexed_passage(indexed_services: Services) -> None:
    material = indexed_services.material
    assert material.size == indexed_services.store.count() == len(material.passages())


def test_search_follows_the_material_it_serves(indexed_services: Services) -> None:
    # The keyword index is rebuilt from whichever snapshot of the material is current.
    before = indexed_services.retriever.retrieve("pre-mortem", k=3, method="keyword")
    indexed_services.material.refresh()
    after = indexed_services.retriever.retrieve("pre-mortem", k=3, method="keyword")
    assert [p.id for p in after] == [p.id for p in before]
