"""A tool's sections for the coach come from the catalogue, cut and numbered as the index is."""

from __future__ import annotations

from app.coaching.sections import ToolSections
from app.core.passage_parts import ONE_PASSAGE_PER_BULLET
from app.services import Services


def test_every_section_passage_is_the_indexed_passage_of_the_same_text(
    indexed_services: Services,
) -> None:
    sections = ToolSections(indexed_services.catalogue)
    indexed = {p.id: p for p in indexed_services.material.passages()}
    checked = 0
    for tool in indexed_services.catalogue.all():
        for name in tool.sections:
            for passage in sections.section(tool.id, name):
                stored = indexed.get(passage.id)
                assert stored is not None, f"{tool.id} > {name} part {passage.part} not indexed"
                assert (stored.text, stored.heading, stored.section, stored.part) == (
                    passage.text,
                    passage.heading,
                    passage.section,
                    passage.part,
                )
                assert (stored.tool_id, stored.source, stored.title) == (
                    passage.tool_id,
                    passage.source,
                    passage.title,
                )
                checked += 1
    # Every indexed passage of a knowledge file is one of the coach's section passages.
    knowledge = {p.id for p in indexed.values() if p.source.startswith("knowledge/") and p.section}
    served = {
        p.id
        for tool in indexed_services.catalogue.all()
        for name in tool.sections
        for p in sections.section(tool.id, name)
    }
    assert knowledge == served
    assert checked == len(served)


def test_sections_read_in_order_and_unknown_ones_are_empty(indexed_services: Services) -> None:
    sections = ToolSections(indexed_services.catalogue)
    steps = sections.section("slow-thinking", "How to use it")
    assert steps and all(p.tool_id == "slow-thinking" for p in steps)
    assert [p.part for p in steps] == sorted(p.part for p in steps)
    assert sections.section("slow-thinking", "No such section") == []
    assert sections.section("no-such-tool", "How to use it") == []


def test_situations_are_passages_of_their_own_as_in_the_index(indexed_services: Services) -> None:
    (name,) = ONE_PASSAGE_PER_BULLET
    tool = indexed_services.catalogue.get("slow-thinking")
    bullets = [line[2:] for line in tool.section(name).splitlines() if line.startswith("- ")]
    texts = [p.text for p in ToolSections(indexed_services.catalogue).section(tool.id, name)]
    assert bullets and set(bullets) <= set(texts)
