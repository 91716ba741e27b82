"""Splitter: passages keep their heading path, stay under MAX_WORDS, and have stable ids."""

from __future__ import annotations

from app.core.passage_parts import MAX_WORDS, chunk_id
from app.ingest.documents import LoadedDocument, Section
from app.ingest.splitter import split_document


def document(*sections: Section, source: str = "knowledge/x.md") -> LoadedDocument:
    return LoadedDocument(source=source, tool_id="x", title="Title", sections=list(sections))


def paragraph(word: str, count: int) -> str:
    return " ".join(f"{word}{i}" for i in range(count))


def test_short_section_is_one_chunk_with_its_heading_path() -> None:
    chunks = split_document(document(Section(("Title", "How to use it"), "Split now from later.")))

    assert len(chunks) == 1
    chunk = chunks[0]
    assert chunk.heading == "Title > How to use it"
    assert chunk.section == "How to use it"
    assert (chunk.tool_id, chunk.title, chunk.source) == ("x", "Title", "knowledge/x.md")
    assert chunk.embedding_text() == "Title > How to use it\nSplit now from later."


def test_text_directly_under_the_title_has_no_section_name() -> None:
    chunks = split_document(document(Section(("Title",), "Opening words.")))
    assert chunks[0].heading == "Title"
    assert chunks[0].section == ""


def test_long_section_splits_at_paragraphs_under_max_words() -> None:
    paragraphs = [paragraph(f"p{n}w", 60) for n in range(8)]  # 480 words in all
    section = Section(("Title", "Long"), "\n\n".join(paragraphs))

    chunks = split_document(document(section))

    assert len(chunks) > 1
    assert all(len(c.text.split()) <= MAX_WORDS for c in chunks)
    assert all(c.heading == "Title > Long" for c in chunks)
    assert [c.part for c in chunks] == list(range(len(chunks)))
    # Nothing lost and nothing repeated, in reading order.
    assert " ".join(c.text for c in chunks).split() == " ".join(paragraphs).split()
    # Paragraphs are not cut in half when they fit.
    assert all(p in {piece for c in chunks for piece in c.text.split("\n")} for p in paragraphs)


def test_one_huge_paragraph_is_cut_by_words() -> None:
    section = Section(("Title", "Wall of text"), paragraph("w", MAX_WORDS * 2 + 5))
    chunks = split_document(document(section))
    assert [len(c.text.split()) for c in chunks] == [MAX_WORDS, MAX_WORDS, 5]


def test_list_items_are_split_points() -> None:
    items = "\n".join(f"- {paragraph(f'i{n}w', 50)}" for n in range(6))
    chunks = split_document(document(Section(("Title", "List"), items)))
    assert len(chunks) > 1
    assert all(c.text.startswith("- ") for c in chunks)


def test_ids_are_stable_for_the_same_content() -> None:
    section = Section(("Title", "What it is"), "Fast and slow thinking.")
    first = split_document(document(section))
    again = split_document(document(Section(("Title", "What it is"), "Fast and slow thinking.")))
    assert [c.id for c in first] == [c.id for c in again]
    expected = chunk_id("knowledge/x.md", "Title > What it is", "Fast and slow thinking.")
    assert first[0].id == expected


def test_ids_differ_when_text_heading_or_source_differ() -> None:
    base = chunk_id("knowledge/x.md", "Title > A", "text")
    others = {
        chunk_id("knowledge/x.md", "Title > A", "text, edited"),
        chunk_id("knowledge/x.md", "Title > B", "text"),
        chunk_id("knowledge/y.md", "Title > A", "text"),
    }
    assert len(others | {base}) == 4


def test_editing_one_section_changes_only_its_ids() -> None:
    kept = Section(("Title", "Kept"), "Unchanged words.")
    before = split_document(document(kept, Section(("Title", "Edited"), "Old words.")))
    after = split_document(document(kept, Section(("Title", "Edited"), "New words.")))
    assert before[0].id == after[0].id
    assert before[1].id != after[1].id


def test_repeated_identical_passages_in_one_file_get_one_chunk() -> None:
    # Handouts often repeat a heading and its text ("Notes: discuss in pairs"); the store
    # refuses two passages with one id, so a repeat must not reach it twice.
    repeat = Section(("Handout", "Notes"), "Discuss in pairs.")
    chunks = split_document(document(repeat, Section(("Handout", "Other"), "x"), repeat))
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids)) == 2


def test_each_signal_is_also_its_own_passage() -> None:
    from app.ingest.documents import LoadedDocument, Section
    from app.ingest.splitter import split_document

    text = "Reach for this when stuck.\n- The first situation.\n- The second situation."
    document = LoadedDocument(
        "knowledge/t.md",
        "t",
        "T",
        [Section(("T", "When it helps"), text), Section(("T", "Pitfalls"), "- One.\n- Two.")],
    )
    signals = [c for c in split_document(document) if c.section == "When it helps"]
    assert [c.text for c in signals][1:] == ["The first situation.", "The second situation."]
    assert "- The first situation." in signals[0].text  # the whole list is kept too
    assert len({c.id for c in signals}) == 3
    assert [c.section for c in split_document(document)].count(
        "Pitfalls"
    ) == 1  # other lists stay whole
