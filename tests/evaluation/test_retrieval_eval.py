"""Retrieval evaluation: the metrics, the report, and the targets on the dev dilemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.evaluation.retrieval import (
    METHODS,
    MethodReport,
    RetrievalCase,
    Scores,
    evaluate,
    first_rank,
    format_report,
    load_cases,
)
from app.services import Services
from tests.conftest import SHARED_EVAL

DEV_SET = SHARED_EVAL / "retrieval-dev.jsonl"
VALIDATION = Path(__file__).resolve().parents[1] / "data" / "retrieval-validation.jsonl"


@pytest.fixture(scope="module")
def dev_reports(indexed_services: Services) -> dict[str, MethodReport]:
    if not DEV_SET.is_file():
        pytest.skip(f"{DEV_SET} is not present")
    return evaluate(indexed_services.retriever, load_cases(DEV_SET))


def test_first_rank_is_one_based_and_none_when_missing() -> None:
    assert first_rank(["vuca", "public-value"], ["public-value"]) == 2
    assert first_rank(["vuca"], ["public-value", "vuca"]) == 1
    assert first_rank(["vuca"], ["slow-thinking"]) is None


def test_scores_average_hits_and_reciprocal_ranks() -> None:
    scores = Scores()
    for rank in (1, 2, 4, None):
        scores.add(rank)
    mean = scores.mean()
    assert mean.n == 4
    assert mean.hit1 == pytest.approx(1 / 4)
    assert mean.hit3 == pytest.approx(2 / 4)
    assert mean.mrr == pytest.approx((1 + 1 / 2 + 1 / 4) / 4)
    assert Scores().mean().mrr == 0.0


def test_load_cases_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"id": "a", "query": "q1", "expected": ["vuca"], "also_ok": ["public-value"]}\n'
        "\n"
        '{"query": "q2", "expected": ["slow-thinking"]}\n',
        encoding="utf-8",
    )
    assert load_cases(path) == [
        RetrievalCase("a", "q1", ["vuca"], ["public-value"]),
        RetrievalCase("3", "q2", ["slow-thinking"], []),
    ]


@pytest.mark.parametrize("line", ["not json", '{"query": "no expected"}', "[1, 2]"])
def test_bad_line_names_the_file_and_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"query": "ok", "expected": ["vuca"]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"set\.jsonl:2 is not a retrieval case"):
        load_cases(path)


def test_missing_set_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="Cannot read the evaluation set"):
        load_cases(tmp_path / "missing.jsonl")


def test_hybrid_meets_the_targets_on_the_dev_set(dev_reports: dict[str, MethodReport]) -> None:
    hybrid = dev_reports["hybrid"].overall
    assert hybrid.n == 22
    assert hybrid.hit3 >= 0.95
    assert hybrid.mrr >= 0.85


def test_served_re_ranking_meets_the_targets_on_the_dev_set(
    dev_reports: dict[str, MethodReport],
) -> None:
    # A check only: the dev set never trained or chose anything.
    served = dev_reports["reranked"]
    assert served.trained_on == 0
    assert served.overall.hit3 >= 0.95
    assert served.overall.mrr >= 0.85
    assert served.lenient.hit1 >= served.overall.hit1


def test_hybrid_beats_dense_alone(dev_reports: dict[str, MethodReport]) -> None:
    hybrid = dev_reports["hybrid"].overall
    assert hybrid.mrr > dev_reports["dense"].overall.mrr
    assert hybrid.hit3 >= dev_reports["dense"].overall.hit3


def test_hybrid_beats_bm25_on_dev(dev_reports: dict[str, MethodReport]) -> None:
    hybrid = dev_reports["hybrid"].overall
    assert hybrid.mrr > dev_reports["keyword"].overall.mrr
    assert hybrid.hit3 >= dev_reports["keyword"].overall.hit3


@pytest.fixture(scope="module")
def validation_reports(indexed_services: Services) -> dict[str, MethodReport]:
    """Our own dilemmas, written blind of the dev set: where fusion was chosen and the
    re-ranker trained."""
    return evaluate(indexed_services.retriever, load_cases(VALIDATION))


def test_hybrid_beats_each_half_on_the_validation_set(
    validation_reports: dict[str, MethodReport],
) -> None:
    hybrid = validation_reports["hybrid"].overall
    dense, keyword = validation_reports["dense"].overall, validation_reports["keyword"].overall
    assert hybrid.mrr > dense.mrr and hybrid.hit1 > dense.hit1
    assert hybrid.mrr > keyword.mrr and hybrid.hit1 > keyword.hit1
    assert hybrid.hit3 >= keyword.hit3


def test_report_says_when_the_re_ranker_was_trained_on_the_set(
    validation_reports: dict[str, MethodReport],
) -> None:
    served = validation_reports["reranked"]
    assert served.trained_on == served.overall.n >= 97
    text = format_report(validation_reports, served.overall.n)
    assert f"{served.trained_on} of these {served.overall.n} dilemmas trained the re-ranker" in text
    assert "Out of fold (" in text


def test_report_shows_every_method_and_tool_in_aligned_columns(
    dev_reports: dict[str, MethodReport],
) -> None:
    text = format_report(dev_reports, 22)
    lines = text.splitlines()
    assert lines[0].startswith("Retrieval over 22 dilemmas")
    assert all(method in lines[2] for method in METHODS)
    table = lines[2 : lines.index("", 2)] if "" in lines[2:] else lines[2:]
    overall = next(line for line in table if line.startswith("OVERALL "))
    assert len(overall.split()) == 1 + 3 * len(METHODS)
    assert any(line.startswith("OVERALL, also_ok counted") for line in table)
    for tool in dev_reports["hybrid"].per_tool:
        assert any(line.startswith(f"{tool} (n=") for line in table), tool
    # Every row of figures lines up under the header, whatever the tool's name length.
    assert len({len(line) for line in table[1:]}) == 1, {len(line) for line in table}
