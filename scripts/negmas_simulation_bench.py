#!/usr/bin/env python3
"""Time NegMAS negotiations (SAOMechanism, two Boulware agents) on an Accord scenario.

An external reference measurement for Accord's simulation speed (docs/performance.md): it only *calls* NegMAS
(AGPL, installed separately in a venv outside the repository, never vendored).

Usage:

    /work/negmas-venv/bin/python scripts/negmas_simulation_bench.py \
        Sources/AccordFormats/Resources/Scenarios/synthetic-15k-2p.yaml [--steps 1000] [--sessions 5]

For each of ``--sessions`` sessions it builds a fresh ``SAOMechanism(outcome_space=os, n_steps=STEPS)`` with two
``BoulwareTBNegotiator``s holding the scenario's linear-additive utilities (built as in scripts/negmas_bench.py),
and times separately:

* setup: creating the mechanism and adding both negotiators, plus the first step (where NegMAS's time-based
  negotiators sort the outcome space);
* the remaining steps until the session ends (agreement or deadline).

It prints one JSON line: steps per session, the agreement, median setup time, and the median step rate
(steps per second, first step excluded). A NegMAS "step" is one round in which each negotiator acts once, the
same unit as an Accord round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from negmas_bench import build, load_scenario  # noqa: E402

import negmas  # noqa: E402
from negmas.sao import BoulwareTBNegotiator, SAOMechanism  # noqa: E402


def one_session(os_, ufuns, steps: int):
    t0 = time.perf_counter()
    mechanism = SAOMechanism(outcome_space=os_, n_steps=steps)
    for ufun in ufuns:
        mechanism.add(BoulwareTBNegotiator(name=ufun.name), ufun=ufun)
    mechanism.step()
    t1 = time.perf_counter()
    while mechanism.running:
        mechanism.step()
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, mechanism.state.step, mechanism.agreement


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", type=Path)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=5)
    args = parser.parse_args()
    os_, ufuns = build(load_scenario(args.scenario))
    setups, rates, played, agreements = [], [], [], []
    for _ in range(args.sessions):
        setup, rest, steps, agreement = one_session(os_, ufuns, args.steps)
        setups.append(setup)
        played.append(steps)
        agreements.append(agreement)
        if steps > 1:
            rates.append((steps - 1) / rest)
    result = {
        "negmas": negmas.__version__,
        "scenario": args.scenario.name,
        "steps_limit": args.steps,
        "steps_played": played,
        "agreement": str(agreements[-1]),
        "setup_ms_median": round(statistics.median(setups) * 1000, 2),
        "steps_per_second_median": round(statistics.median(rates), 1) if rates else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
