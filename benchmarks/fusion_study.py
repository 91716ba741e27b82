"""Compare fusion settings for hybrid retrieval on the validation set, then show the dev set.

Run: .venv/bin/python benchmarks/fusion_study.py [--resamples 2000]
Indexes the shipped knowledge once into a temporary data folder, then scores each variant
(distinct tool ids, as app/evaluation/retrieval.py does: hit@1, hit@3, MRR) on
tests/data/retrieval-validation.jsonl, sorted by MRR, with a paired bootstrap of the MRR
difference from the shipped fusion setting. The learned re-ranker (served) is scored out of
fold on the validation set (it was trained there) and as shipped on dev. Dev-set scores
come last, for reference only: the 22 dev lines are too few to choose by.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.components.embedding import CachedEmbedder
from app.core.config import RetrievalSettings, Settings
from app.evaluation.retrieval import RetrievalCase, first_rank, load_cases, ranked_tools
from app.retrieval.hybrid import HybridRetriever, Method, reciprocal_rank_fusion
from app.retrieval.train_reranker import collect, out_of_fold
from app.services import Services, build_services

REPO = Path(__file__).resolve().parents[1]
VALIDATION_SET = REPO / "tests" / "data" / "retrieval-validation.jsonl"
DEV_SET = REPO.parent / "shared" / "eval" / "retrieval-dev.jsonl"
DENSE_WEIGHTS = (0.5, 0.75, 1.0, 1.25)
RRF_KS = (10, 30, 60)
MAX_PER_TOOL = (1, 2)
# The fusion served when no re-ranker is shipped (RetrievalSettings' defaults).
SHIPPED = "hybrid dw=0.75 k=60 mpt=2"
RERANKED = "re-ranked (served)"
DENSE = "dense only"
BM25 = "BM25 only"
SEED = 20240601
CANDIDATES = RetrievalSettings().candidates

Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Variant:
    name: str
    rank: Ranker


@dataclass(frozen=True)
class Result:
    name: str
    # Reciprocal rank of the expected tool per case (0 when it is not found).
    strict: list[float]
    # Hit@1 counting also_ok tools as fair answers.
    lenient1: list[bool]

    @property
    def mrr(self) -> float:
        return sum(self.strict) / len(self.strict)

    @property
    def hit1(self) -> float:
        return sum(r == 1.0 for r in self.strict) / len(self.strict)

    @property
    def hit3(self) -> float:
        return sum(r >= 1 / 3 for r in self.strict) / len(self.strict)

    @property
    def ok1(self) -> float:
        return sum(self.lenient1) / len(self.lenient1)


def retriever(services: Services, embedder: CachedEmbedder, **options: float) -> HybridRetriever:
    """A retriever over the shared index with the given retrieval settings (no re-ranker)."""
    built = HybridRetriever(
        embedder=embedder,
        store=services.store,
        material=services.material,
        settings=RetrievalSettings(**options),
        reranker=None,
    )
    return built


def passage_ranker(built: HybridRetriever, method: Method) -> Ranker:
    """Tools in order of first appearance among the fused passages (the shipped evaluation)."""
    return lambda query: ranked_tools(built, query, method)


def tool_ranking(built: HybridRetriever, query: str, method: Method) -> list[str]:
    """Tools ranked by their best passage under one method, over all candidates."""
    tools: list[str] = []
    # The retriever fetches `candidates` passages per method; asking for more adds nothing.
    for passage in built.retrieve(query, k=CANDIDATES, method=method):
        if passage.tool_id not in tools:
            tools.append(passage.tool_id)
    return tools


def tool_fusion_ranker(built: HybridRetriever, dense_weight: float, k: int) -> Ranker:
    """Reciprocal rank fusion over each method's tool ranking, not over passages."""

    def rank(query: str) -> list[str]:
        fused = reciprocal_rank_fusion(
            [tool_ranking(built, query, "dense"), tool_ranking(built, query, "keyword")],
            [dense_weight, 1.0],
            k,
        )
        return sorted(fused, key=lambda tool: fused[tool], reverse=True)

    return rank


def reranked(services: Services, validation: Sequence[RetrievalCase]) -> Variant:
    """The served re-ranker: out of fold for the validation dilemmas, as shipped for others."""
    plain = services.retriever.with_reranker(None)
    folded = dict(
        zip([c.query for c in validation], out_of_fold(collect(plain, validation)), strict=True)
    )
    shipped = services.retriever
    return Variant(
        RERANKED, lambda query: folded.get(query) or ranked_tools(shipped, query, "reranked")
    )


def variants(services: Services, validation: Sequence[RetrievalCase]) -> list[Variant]:
    """Every configuration in the study, the served re-ranker and single methods first."""
    embedder = CachedEmbedder(services.embedder, size=4096)
    base = retriever(services, embedder)
    found = [
        reranked(services, validation),
        Variant(DENSE, passage_ranker(base, "dense")),
        Variant(BM25, passage_ranker(base, "keyword")),
    ]
    for weight in DENSE_WEIGHTS:
        for k in RRF_KS:
            for cap in MAX_PER_TOOL:
                built = retriever(
                    services, embedder, dense_weight=weight, rrf_k=k, max_per_tool=cap
                )
                found.append(
                    Variant(f"hybrid dw={weight} k={k} mpt={cap}", passage_ranker(built, "hybrid"))
                )
    # Uncapped, so each method's tool ranking reaches every tool among its candidates.
    wide = retriever(services, embedder, max_per_tool=1000)
    for weight in DENSE_WEIGHTS:
        for k in RRF_KS:
            found.append(
                Variant(f"tool-RRF dw={weight} k={k}", tool_fusion_ranker(wide, weight, k))
            )
    return found


def score(variant: Variant, cases: Sequence[RetrievalCase]) -> Result:
    """Reciprocal ranks (strict) and lenient hit@1 of one variant over the cases."""
    strict: list[float] = []
    lenient: list[bool] = []
    for case in cases:
        tools = variant.rank(case.query)
        rank = first_rank(tools, case.expected)
        strict.append(0.0 if rank is None else 1.0 / rank)
        lenient.append(first_rank(tools, [*case.expected, *case.also_ok]) == 1)
    return Result(variant.name, strict, lenient)


def bootstrap(a: Sequence[float], b: Sequence[float], resamples: int) -> tuple[float, float]:
    """95% interval of mean(a - b) over cases resampled with replacement (paired)."""
    generator = random.Random(SEED)
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    n = len(diffs)
    means = sorted(sum(generator.choices(diffs, k=n)) / n for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def table(results: Sequence[Result], baselines: Sequence[Result], resamples: int) -> str:
    """One row per variant: scores, and the paired MRR difference from each baseline."""
    header = f"{'variant':28}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}{'ok@1':>7}"
    for baseline in baselines:
        header += f"  | vs {baseline.name:<28}"
    lines = [header]
    for result in results:
        row = (
            f"{result.name:28}{result.hit1:7.3f}{result.hit3:7.3f}{result.mrr:7.3f}"
            f"{result.ok1:7.3f}"
        )
        for baseline in baselines:
            low, high = bootstrap(result.strict, baseline.strict, resamples)
            pairs = list(zip(result.strict, baseline.strict, strict=True))
            better = sum(x > y for x, y in pairs)
            worse = sum(x < y for x, y in pairs)
            row += (
                f"  | {result.mrr - baseline.mrr:+.3f} [{low:+.3f}, {high:+.3f}]"
                f" {better:>2}+/{worse:>2}-"
            )
        lines.append(row)
    return "\n".join(lines)


def misses(result: Result, cases: Sequence[RetrievalCase], variant: Variant) -> list[str]:
    """The cases a variant does not rank first, with its top three tools."""
    return [
        f"  {case.id} ({case.expected[0]}): {', '.join(variant.rank(case.query)[:3])}"
        for case, rr in zip(cases, result.strict, strict=True)
        if rr < 1.0
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resamples", type=int, default=2000, help="Bootstrap resamples.")
    parser.add_argument("--misses", action="store_true", help="List misses of key variants.")
    args = parser.parse_args()
    validation = load_cases(VALIDATION_SET)
    with tempfile.TemporaryDirectory(prefix="balcony-fusion-") as tmp:
        services = build_services(Settings(_env_file=None, data_dir=Path(tmp)))
        report = services.ingest()
        print(f"index: {report.summary()}")
        study = variants(services, validation)
        by_name = {v.name: v for v in study}
        results = [score(v, validation) for v in study]
        named = {r.name: r for r in results}
        baselines = [named[SHIPPED], named[BM25]]
        order = sorted(results, key=lambda r: (r.mrr, r.hit1), reverse=True)
        print(
            f"\nVALIDATION ({len(validation)} dilemmas), sorted by MRR; against a baseline: "
            "MRR difference [paired bootstrap 95% interval], cases better+/worse-"
        )
        print(table(order, baselines, args.resamples))
        if args.misses:
            for name in (RERANKED, SHIPPED, DENSE, BM25, order[0].name):
                print(f"\n{name}, not first:")
                print("\n".join(misses(named[name], validation, by_name[name])))
        # Only now the dev set, in the validation order, so it cannot steer the choice.
        dev = load_cases(DEV_SET)
        dev_results = {r.name: r for r in (score(v, dev) for v in study)}
        dev_baselines = [dev_results[SHIPPED], dev_results[BM25]]
        print(f"\nDEV ({len(dev)} dilemmas), reference only, in the validation order")
        print(table([dev_results[r.name] for r in order], dev_baselines, args.resamples))


if __name__ == "__main__":
    main()
