"""Citations renumbered while streaming: pieces split anywhere give the same text and sources."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from app.coaching.cited_stream import CitationStream
from app.retrieval.passages import Passage


def _passage(n: int) -> Passage:
    return Passage(
        id=f"p{n}",
        text=f"passage {n}",
        tool_id=f"tool-{n}",
        title=f"Tool {n}",
        heading="What it is",
        section="What it is",
        source=f"knowledge/tool-{n}.md",
    )


PASSAGES = [_passage(n) for n in range(1, 7)]
REPLY = (
    "Slow thinking [6] helps here, and so does the balcony [3]. Again [6]. Not [9]. List [1, 3]."
)


def _whole(text: str) -> tuple[str, list[str]]:
    stream = CitationStream(PASSAGES)
    out = stream.feed(text) + stream.close()
    return out, [s.tool_id for s in stream.sources]


def test_citations_are_renumbered_in_reading_order_and_unknown_ones_dropped() -> None:
    text, tools = _whole(REPLY)
    assert text == (
        "Slow thinking [1] helps here, and so does the balcony [2]. Again [1]. Not. List [3, 2]."
    )
    assert tools == ["tool-6", "tool-3", "tool-1"]


@given(st.lists(st.integers(min_value=1, max_value=len(REPLY) - 1), max_size=12))
def test_any_split_into_pieces_streams_the_same_reply(cuts: list[int]) -> None:
    bounds = [0, *sorted(set(cuts)), len(REPLY)]
    stream = CitationStream(PASSAGES)
    streamed = "".join(stream.feed(REPLY[a:b]) for a, b in itertools.pairwise(bounds))
    streamed += stream.close()
    whole, tools = _whole(REPLY)
    assert streamed == whole
    assert [s.tool_id for s in stream.sources] == tools


def test_an_unfinished_bracket_at_the_end_is_kept_as_text() -> None:
    stream = CitationStream(PASSAGES)
    sent = stream.feed("see [2")
    assert "[" not in sent  # held back until it is clear whether a citation opens
    assert sent + stream.close() == "see [2"
    assert stream.sources == []
