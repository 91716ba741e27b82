"""Citations map to the passages actually given, renumbered in reading order; the rest are dropped.

A whole reply (map_citations) and the same reply streamed in pieces (CitationStream) agree.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from app.coaching.citations import map_citations
from app.coaching.cited_stream import CitationStream
from app.retrieval.passages import Passage


def _passage(n: int) -> Passage:
    return Passage(
        id=f"p{n}",
        text=f"passage {n}",
        tool_id=f"tool-{n}",
        title=f"Tool {n}",
        heading=f"Tool {n} > How to use it",
        section="How to use it",
        source=f"knowledge/tool-{n}.md",
    )


PASSAGES = [_passage(n) for n in range(1, 7)]
REPLY = (
    "Slow thinking [6] helps here, and so does the balcony [3]. Again [6]. Not [9]. List [1, 3]."
)


def test_citations_are_renumbered_in_reading_order_and_unknown_ones_dropped() -> None:
    cited = map_citations(REPLY, PASSAGES)
    assert cited.text == (
        "Slow thinking [1] helps here, and so does the balcony [2]. Again [1]. Not. List [3, 2]."
    )
    assert [s.tool_id for s in cited.sources] == ["tool-6", "tool-3", "tool-1"]


def test_placeholders_are_not_citations() -> None:
    cited = map_citations("Talk with [PERSON_1] about it [1].", [_passage(1)])
    assert "[PERSON_1]" in cited.text
    assert len(cited.sources) == 1


def test_no_citations_gives_no_sources() -> None:
    assert map_citations("Nothing cited.", [_passage(1)]).sources == []


@given(st.lists(st.integers(min_value=1, max_value=len(REPLY) - 1), max_size=12))
def test_any_split_into_pieces_streams_the_same_reply(cuts: list[int]) -> None:
    bounds = [0, *sorted(set(cuts)), len(REPLY)]
    stream = CitationStream(PASSAGES)
    streamed = "".join(stream.feed(REPLY[a:b]) for a, b in itertools.pairwise(bounds))
    streamed += stream.close()
    whole = map_citations(REPLY, PASSAGES)
    assert streamed == whole.text
    assert stream.sources == whole.sources


def test_an_unfinished_bracket_at_the_end_is_kept_as_text() -> None:
    stream = CitationStream(PASSAGES)
    sent = stream.feed("see [2")
    assert "[" not in sent  # held back until it is clear whether a citation opens
    assert sent + stream.close() == "see [2"
    assert stream.sources == []
