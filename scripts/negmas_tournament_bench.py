#!/usr/bin/env python3
"""Time a NegMAS cartesian_tournament on Accord scenarios (the side-by-side tournament measurement).

An external reference measurement (docs/performance.md, "Tournaments"): it only *calls* NegMAS (AGPL, installed
separately, never vendored). The matching Accord run is the specification printed with --print-spec.

Usage:

    /work/negmas-venv/bin/python scripts/negmas_tournament_bench.py \
        Sources/AccordFormats/Resources/Scenarios/job-offer.yaml \
        Sources/AccordFormats/Resources/Scenarios/synthetic-15k-2p.yaml \
        [--repetitions 2] [--steps 1000] [--njobs -1] [--print-spec]

Competitors: NegMAS's BoulwareTBNegotiator, LinearTBNegotiator and ConcederTBNegotiator (Accord: boulware, linear,
conceder); every ordered pair with self-play on every scenario ("both roles", rotate_ufuns), n_steps rounds.
Prints one JSON line: negotiations run, wall-clock seconds (tournament call only; imports and scenario
construction excluded) and negotiations per second.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from negmas_bench import build, load_scenario  # noqa: E402

import negmas  # noqa: E402
from negmas.inout import Scenario  # noqa: E402
from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator, LinearTBNegotiator  # noqa: E402
from negmas.tournaments.neg import cartesian_tournament  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenarios", nargs="+", type=Path)
    parser.add_argument("--repetitions", type=int, default=2)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--njobs", type=int, default=-1, help="NegMAS njobs (-1: serial, in this process)")
    parser.add_argument("--print-spec", action="store_true", help="print the equivalent Accord specification")
    args = parser.parse_args()

    if args.print_spec:
        print("accord_tournament: 1\nname: negmas-comparison\nagents: [boulware, linear, conceder]")
        print("scenarios: [" + ", ".join(str(p.resolve()) for p in args.scenarios) + "]")
        print(f"deadline: {{rounds: {args.steps}}}\nrepetitions: {args.repetitions}\nseed: 1")
        return

    scenarios = []
    for path in args.scenarios:
        os_, ufuns = build(load_scenario(path))
        scenarios.append(Scenario(outcome_space=os_, ufuns=tuple(ufuns)))
    folder = Path(tempfile.mkdtemp(prefix="negmas-tournament-"))
    try:
        start = time.perf_counter()
        results = cartesian_tournament(
            competitors=[BoulwareTBNegotiator, LinearTBNegotiator, ConcederTBNegotiator],
            scenarios=scenarios, n_repetitions=args.repetitions, n_steps=args.steps, njobs=args.njobs,
            path=folder, verbosity=0, self_play=True, rotate_ufuns=True, save_scenario_figs=False,
            save_stats=False, plot_fraction=0.0)
        elapsed = time.perf_counter() - start
        count = len(results.details) if results.details is not None else None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({
        "negmas": negmas.__version__, "scenarios": [p.name for p in args.scenarios],
        "repetitions": args.repetitions, "steps": args.steps, "njobs": args.njobs,
        "negotiations": count, "seconds": round(elapsed, 3),
        "negotiations_per_second": round(count / elapsed, 2) if count else None,
    }))


if __name__ == "__main__":
    main()
