"""Retrieval evaluation: hit@1, hit@3 and MRR over distinct tool ids, per tool and overall.

Per tool and OVERALL count only the expected tool; the last row also counts `also_ok` tools.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InvalidInputError
from app.evaluation.jsonl import read_rows
from app.retrieval.hybrid import HybridRetriever, Method
from app.retrieval.rerank import shipped_reranker

# "reranked" is what /v1/retrieve and the coach serve; "hybrid" is fusion without the model.
METHODS: tuple[Method, ...] = ("reranked", "hybrid", "dense", "keyword")
SERVED: Method = "reranked"
REPO = Path(__file__).resolve().parents[2]
# Passages fetched per query; tools are ranked by their first appearance among them.
DEPTH = 10


@dataclass(frozen=True)
class RetrievalCase:
    id: str
    query: str
    expected: list[str]
    also_ok: list[str] = field(default_factory=list)


@dataclass
class Scores:
    hit1: float = 0.0
    hit3: float = 0.0
    mrr: float = 0.0
    n: int = 0

    def add(self, rank: int | None) -> None:
        self.n += 1
        if rank is not None:
            self.hit1 += rank == 1
            self.hit3 += rank <= 3
            self.mrr += 1.0 / rank

    def mean(self) -> Scores:
        n = max(self.n, 1)
        return Scores(self.hit1 / n, self.hit3 / n, self.mrr / n, self.n)


@dataclass
class MethodReport:
    overall: Scores
    per_tool: dict[str, Scores]
    misses: list[tuple[str, list[str]]]
    # Counting also_ok tools as correct too.
    lenient: Scores = field(default_factory=Scores)
    # How many of the dilemmas the shipped re-ranker was trained on (its figures are in-sample).
    trained_on: int = 0


def load_cases(path: Path) -> list[RetrievalCase]:
    what = "retrieval case"
    cases: list[RetrievalCase] = []
    for row in read_rows(path, ("query", "expected"), what):
        if not isinstance(row["expected"], list) or not isinstance(row.get("also_ok", []), list):
            raise InvalidInputError(f"{path}: {row['id']} is not a {what}: lists of tool ids")
        cases.append(
            RetrievalCase(
                id=str(row["id"]),
                query=str(row["query"]),
                expected=list(row["expected"]),
                also_ok=list(row.get("also_ok", [])),
            )
        )
    return cases


def ranked_tools(retriever: HybridRetriever, query: str, method: Method) -> list[str]:
    """Distinct tool ids in the order they first appear in the results."""
    tools: list[str] = []
    for passage in retriever.retrieve(query, k=DEPTH, method=method):
        if passage.tool_id not in tools:
            tools.append(passage.tool_id)
    return tools


def first_rank(tools: Sequence[str], expected: Sequence[str]) -> int | None:
    for rank, tool in enumerate(tools, start=1):
        if tool in expected:
            return rank
    return None


def training_queries() -> set[str]:
    """The dilemmas the shipped re-ranker was fitted on (the files its weights name)."""
    reranker = shipped_reranker()
    trained = reranker.meta.get("trained_on", {}) if reranker else {}
    queries: set[str] = set()
    for name in trained:
        path = REPO / name
        if path.is_file():
            queries |= {case.query for case in load_cases(path)}
    return queries


def evaluate(retriever: HybridRetriever, cases: Sequence[RetrievalCase]) -> dict[str, MethodReport]:
    reports: dict[str, MethodReport] = {}
    seen = training_queries()
    for method in METHODS:
        overall, lenient = Scores(), Scores()
        per_tool: dict[str, Scores] = defaultdict(Scores)
        misses: list[tuple[str, list[str]]] = []
        for case in cases:
            tools = ranked_tools(retriever, case.query, method)
            rank = first_rank(tools, case.expected)
            overall.add(rank)
            lenient.add(first_rank(tools, [*case.expected, *case.also_ok]))
            per_tool[case.expected[0]].add(rank)
            if rank != 1:
                misses.append((case.id, tools[:3]))
        reports[method] = MethodReport(
            overall.mean(),
            {t: s.mean() for t, s in sorted(per_tool.items())},
            misses,
            lenient.mean(),
            sum(case.query in seen for case in cases) if method == "reranked" else 0,
        )
    return reports


def format_report(reports: dict[str, MethodReport], cases: int) -> str:
    lines = [f"Retrieval over {cases} dilemmas (distinct tool ids; hit@k, MRR)", ""]
    tools = next(iter(reports.values())).per_tool
    # Wide enough for the longest "tool (n=..)" label, so the figures stay in columns.
    width = max([30, *(len(f"{t} (n={s.n})") + 1 for t, s in tools.items())])
    header = " " * width + "".join(f"{m:>24}" for m in reports)
    lines += [header, " " * width + "".join(f"{'hit@1  hit@3    MRR':>24}" for _ in reports)]

    def row(name: str, scores: list[Scores]) -> str:
        figures = "".join(f"{s.hit1:>10.2f}{s.hit3:>7.2f}{s.mrr:>7.2f}" for s in scores)
        return f"{name:{width}}" + figures

    for tool in tools:
        lines.append(
            row(f"{tool} (n={tools[tool].n})", [r.per_tool[tool] for r in reports.values()])
        )
    lines.append(row("OVERALL", [r.overall for r in reports.values()]))
    lines.append(row("OVERALL, also_ok counted", [r.lenient for r in reports.values()]))
    served = reports.get(SERVED)
    if served and served.trained_on:
        lines += ["", *_in_sample_note(served.trained_on, cases)]
    if served and served.misses:
        lines += ["", f"{SERVED}, not first (id: top three tools):"]
        lines += [f"  {case}: {', '.join(top)}" for case, top in served.misses]
    return "\n".join(lines)


def _in_sample_note(trained_on: int, cases: int) -> list[str]:
    """Say when the re-ranked column is flattered by having been trained on these dilemmas."""
    reranker = shipped_reranker()
    oof = reranker.meta.get("out_of_fold", {}) if reranker else {}
    return [
        f"{trained_on} of these {cases} dilemmas trained the re-ranker: its column is in-sample.",
        f"Out of fold ({oof.get('n', '?')} dilemmas, also_ok counted): hit@1 "
        f"{oof.get('hit1', 0):.2f}, hit@3 {oof.get('hit3', 0):.2f}, MRR {oof.get('mrr', 0):.2f}; "
        f"hit@1 on expected alone {oof.get('hit1_expected_only', 0):.2f}.",
    ]
