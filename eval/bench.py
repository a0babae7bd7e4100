"""`make bench`: cold ingest, warm re-ingest, in-process query latency and peak memory on the shipped corpus.

Targets on a 2-core machine: cold ingest within 60 s, warm re-ingest within 3 s,
query p95 within 300 ms. Medians over repeated runs; absolute times are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from assistant.core import BoardAssistant  # noqa: E402
from board.settings import Settings
from eval.gold import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"cold_ingest_s": 60.0, "warm_reingest_s": 3.0, "query_p95_ms": 300.0}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--cold-runs", type=int, default=3, help="Cold ingests into fresh indexes.")
    parser.add_argument("--warm-runs", type=int, default=5)
    parser.add_argument(
        "--queries", type=int, default=100, help="Gold questions timed (in-process)."
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        colds = []
        for run in range(args.cold_runs):
            settings = Settings(corpus=args.corpus, index=Path(tmp) / f"index{run}")
            assistant = BoardAssistant(settings)
            assistant.embedder.embed(["warm up"], "query")  # model load is not ingest work
            t0 = time.perf_counter()
            report = assistant.ingest()
            colds.append(time.perf_counter() - t0)
        cold = statistics.median(colds)
        warm = []
        for _ in range(args.warm_runs):
            t0 = time.perf_counter()
            assistant.ingest()
            warm.append(time.perf_counter() - t0)
        questions = [g.question for g in load_gold()][: args.queries]
        assistant.ask(questions[0])  # first-call setup (BM25, routers) is not query latency
        latencies = []
        for q in questions:
            t0 = time.perf_counter()
            assistant.ask(q)
            latencies.append((time.perf_counter() - t0) * 1000)

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "cold_ingest_s": cold,
        "warm_reingest_s": statistics.median(warm),
        "query_p95_ms": percentile(latencies, 0.95),
    }
    print(f"corpus: {report.files} files, {report.chunks} chunks")
    print(
        f"cold ingest (median of {len(colds)}): {cold:.1f} s ({report.chunks / cold:.1f} chunks/s)"
    )
    print(f"warm re-ingest (median of {len(warm)}): {figures['warm_reingest_s']:.2f} s")
    print(
        f"query latency in-process (n={len(latencies)}): p50 {statistics.median(latencies):.0f} ms, "
        f"p95 {figures['query_p95_ms']:.0f} ms"
    )
    print(f"peak memory (max RSS): {peak_mib:.0f} MiB")
    missed = [f"{k} {figures[k]:.2f} > {v}" for k, v in TARGETS.items() if figures[k] > v]
    print("targets: " + ("all met" if not missed else "MISSED " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
