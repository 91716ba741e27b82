"""Calibrate the relevance threshold: best cosine similarity for dilemmas vs off-topic messages.

Run: python benchmarks/grounding.py [--set ../shared/eval/retrieval-dev.jsonl]
Prints both distributions and the gap; the threshold belongs inside the gap.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from app.core.config import Settings
from app.services import build_services

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--set", type=Path, default=HERE.parents[1] / "shared/eval/retrieval-dev.jsonl"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        services = build_services(Settings(_env_file=None, data_dir=Path(data_dir)))
        services.ingest()
        dilemmas = [json.loads(line)["query"] for line in args.set.read_text().splitlines() if line]
        off_topic = (HERE / "data/off_topic.txt").read_text().splitlines()

        def best(query: str) -> float:
            return max(p.similarity for p in services.retriever.retrieve(query, k=5))

        on = [best(q) for q in dilemmas]
        off = [best(q) for q in off_topic if q]
        threshold = services.settings.coaching.relevance_threshold
        print(f"dilemmas  (n={len(on)}): min {min(on):.2f}  median {statistics.median(on):.2f}")
        print(f"off-topic (n={len(off)}): max {max(off):.2f}  median {statistics.median(off):.2f}")
        print(
            f"threshold {threshold:.2f}: dilemmas below it {sum(s < threshold for s in on)}, "
            f"off-topic above it {sum(s >= threshold for s in off)}"
        )


if __name__ == "__main__":
    main()
