"""The tool material: every indexed passage, by tool section in reading order."""

from __future__ import annotations

from app.services import Services


def test_sections_hold_a_tools_passages_in_reading_order(indexed_services: Services) -> None:
    material = indexed_services.material
    assert material.size == indexed_services.store.count() == len(material.passages())
    steps = material.section("slow-thinking", "How to use it")
    assert steps and all(p.tool_id == "slow-thinking" for p in steps)
    assert [p.part for p in steps] == sorted(p.part for p in steps)
    assert material.section("slow-thinking", "No such section") == []


def test_search_follows_the_material_it_serves(indexed_services: Services) -> None:
    # The keyword index is rebuilt from whichever snapshot of the material is current.
    before = indexed_services.retriever.retrieve("pre-mortem", k=3, method="keyword")
    indexed_services.material.refresh()
    after = indexed_services.retriever.retrieve("pre-mortem", k=3, method="keyword")
    assert [p.id for p in after] == [p.id for p in before]
