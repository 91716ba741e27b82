"""Citations map to the passages actually given; the rest are dropped."""

from __future__ import annotations

from app.coaching.citations import map_citations
from app.retrieval.passages import Passage


def _passage(n: int) -> Passage:
    return Passage(
        id=f"p{n}",
        tool_id=f"tool-{n}",
        title=f"Tool {n}",
        heading=f"Tool {n} > How to use it",
        section="How to use it",
        source=f"knowledge/tool-{n}.md",
        text="...",
    )


def test_citations_renumber_in_reading_order_and_drop_strays() -> None:
    passages = [_passage(1), _passage(2), _passage(3)]
    cited = map_citations("First [3]. Then [1, 3]. Invented [9]. Again [3].", passages)
    assert cited.text == "First [1]. Then [2, 1]. Invented. Again [1]."
    assert [s.tool_id for s in cited.sources] == ["tool-3", "tool-1"]


def test_placeholders_are_not_citations() -> None:
    cited = map_citations("Talk with [PERSON_1] about it [1].", [_passage(1)])
    assert "[PERSON_1]" in cited.text
    assert len(cited.sources) == 1


def test_no_citations_gives_no_sources() -> None:
    assert map_citations("Nothing cited.", [_passage(1)]).sources == []
