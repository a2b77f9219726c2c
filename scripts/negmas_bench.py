#!/usr/bin/env python3
"""Time NegMAS's Pareto-frontier + Nash-point computation on an Accord scenario.

This is an external reference measurement for Accord: it only *calls* NegMAS (an
AGPL-licensed package installed separately, never vendored into this repository).

Usage (with a Python environment that has ``negmas`` installed, e.g. a venv outside
the repo):

    python3 -m venv /work/negmas-venv && /work/negmas-venv/bin/pip install negmas
    /work/negmas-venv/bin/python scripts/negmas_bench.py \
        Sources/AccordFormats/Resources/Scenarios/synthetic-1m.yaml [--repeats 3]

What it does:

1. Reads an Accord scenario YAML (``accord: 1``; discrete issues with string options;
   per party: ``reservation``, ``weights`` per issue and a ``values`` table per issue).
2. Builds the equivalent NegMAS objects -- ``make_issue`` / ``make_os`` with string
   option values, one ``LinearAdditiveUtilityFunction`` per party with ``TableFun``
   value functions, the given weights and ``reserved_value`` = reservation -- and
   reports the construction time separately.
3. Inside the already-running interpreter (import and construction excluded), times
   ``pareto_frontier(ufuns)`` followed by
   ``nash_points(ufuns, frontier, outcome_space=os)`` -- the call pattern NegMAS's own
   ``Mechanism.nash_points`` uses -- ``--repeats`` times.
4. Prints one JSON line (machine-readable) and one human-readable line.

NegMAS semantics worth knowing when comparing with Accord (negmas 0.16.0):

* ``pareto_frontier`` enumerates the full outcome space, evaluates every ufun on every
  outcome in a Python loop, drops outcomes below any party's reserved value, and
  returns the Pareto frontier of the *rational* outcomes only, sorted by descending
  welfare.  Outcomes with identical utility vectors collapse to a single frontier
  entry (strict-dominance filter keeps only one of equal points).
* ``nash_points`` maximises prod_i (u_i - d_i) over the given frontier, with the
  disagreement point d_i = party i's reserved value (when it lies inside the ufun's
  range), and returns every frontier point within 1e-12 of the optimum.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import yaml

import negmas
import negmas.preferences.ops as negmas_ops
from negmas.outcomes import make_issue, make_os
from negmas.preferences import (
    LinearAdditiveUtilityFunction,
    TableFun,
    nash_points,
    pareto_frontier,
)


def load_scenario(path: Path) -> dict:
    """Load and minimally validate an Accord scenario file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if doc.get("accord") != 1:
        raise SystemExit(f"{path}: not an Accord v1 scenario (accord: {doc.get('accord')!r})")
    for issue in doc["issues"]:
        if not all(isinstance(o, str) for o in issue["options"]):
            raise SystemExit(f"{path}: issue {issue['id']} has non-string options")
    return doc


def build(doc: dict):
    """Build the NegMAS outcome space and one linear-additive ufun per party."""
    issues = [make_issue(values=list(i["options"]), name=str(i["id"])) for i in doc["issues"]]
    os_ = make_os(issues, name=doc.get("name", ""))
    issue_ids = [str(i["id"]) for i in doc["issues"]]
    ufuns = []
    for party in doc["parties"]:
        values = {iid: TableFun({str(o): float(v) for o, v in party["values"][iid].items()})
                  for iid in issue_ids}
        weights = {iid: float(party["weights"][iid]) for iid in issue_ids}
        ufuns.append(LinearAdditiveUtilityFunction(
            values=values,
            weights=weights,
            outcome_space=os_,
            reserved_value=float(party["reservation"]),
            name=str(party["id"]),
        ))
    return os_, ufuns


class EnumerationProbe:
    """Wraps NegMAS's outcome enumerator (as seen by ``pareto_frontier``) to count outcomes.

    ``pareto_frontier`` calls ``discretize_and_enumerate_issues`` through the
    ``negmas.preferences.ops`` module namespace; we replace that name with a thin
    pass-through that records the length of the returned list (and keeps the list of
    the last run so the Nash outcome can be named).  The overhead is one ``len()``.
    """

    def __init__(self) -> None:
        self.original = negmas_ops.discretize_and_enumerate_issues
        self.counts: list[int] = []
        self.last_outcomes = None

    def __call__(self, *args, **kwargs):
        outcomes = self.original(*args, **kwargs)
        self.counts.append(len(outcomes))
        self.last_outcomes = outcomes
        return outcomes

    def __enter__(self):
        negmas_ops.discretize_and_enumerate_issues = self
        return self

    def __exit__(self, *exc):
        negmas_ops.discretize_and_enumerate_issues = self.original
        return False


def run_once(ufuns, os_):
    """One timed run: frontier, then Nash points. Returns timings and results."""
    t0 = time.perf_counter()
    frontier, frontier_idx = pareto_frontier(ufuns)
    t1 = time.perf_counter()
    nash = nash_points(ufuns, frontier, outcome_space=os_)
    t2 = time.perf_counter()
    return (t1 - t0, t2 - t1, t2 - t0), frontier, frontier_idx, nash


def stats(samples: list[float]) -> dict:
    """Min and median of a list of timings, in seconds."""
    return {"min": round(min(samples), 4), "median": round(statistics.median(samples), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Time NegMAS pareto_frontier + nash_points on an Accord scenario.")
    ap.add_argument("scenario", type=Path, help="Accord scenario YAML file")
    ap.add_argument("--repeats", type=int, default=3, help="number of timed runs (default 3)")
    args = ap.parse_args()

    doc = load_scenario(args.scenario)

    t0 = time.perf_counter()
    os_, ufuns = build(doc)
    construct_s = time.perf_counter() - t0

    frontier_s, nash_s, total_s = [], [], []
    with EnumerationProbe() as probe:
        for _ in range(args.repeats):
            gc.collect()  # start each run from a comparable heap state
            (tf, tn, tt), frontier, frontier_idx, nash = run_once(ufuns, os_)
            frontier_s.append(tf)
            nash_s.append(tn)
            total_s.append(tt)

    # Name the Nash outcome(s): nash index -> frontier index -> enumerated outcome.
    issue_ids = [str(i["id"]) for i in doc["issues"]]
    nash_points_out = []
    for utils, findex in nash:
        outcomes = probe.last_outcomes
        outcome = outcomes[frontier_idx[findex]] if outcomes is not None else None
        nash_points_out.append({
            "utilities": [round(float(u), 6) for u in utils],
            "outcome": dict(zip(issue_ids, outcome)) if outcome is not None else None,
        })
    probe.last_outcomes = None

    result = {
        "tool": "negmas",
        "negmas_version": negmas.__version__,
        "python": platform.python_version(),
        "scenario": str(args.scenario),
        "parties": [str(p["id"]) for p in doc["parties"]],
        "reservations": [float(p["reservation"]) for p in doc["parties"]],
        "outcome_space_cardinality": int(os_.cardinality),
        "outcomes_enumerated_per_run": probe.counts[0] if probe.counts else None,
        "repeats": args.repeats,
        "construct_s": round(construct_s, 6),
        "total_s": {**stats(total_s), "all": [round(t, 4) for t in total_s]},
        "pareto_frontier_s": stats(frontier_s),
        "nash_points_s": stats(nash_s),
        "frontier_size": len(frontier),
        "nash_points": nash_points_out,
    }
    print(json.dumps(result))
    nash_txt = "; ".join(
        "(" + ", ".join(f"{u:.4f}" for u in p["utilities"]) + ")" for p in nash_points_out
    ) or "none"
    print(
        f"negmas {negmas.__version__} | {args.scenario.name}: {len(ufuns)} parties, "
        f"{result['outcomes_enumerated_per_run']:,} outcomes enumerated | "
        f"construct {construct_s:.3f}s | frontier+nash min {min(total_s):.3f}s "
        f"median {statistics.median(total_s):.3f}s over {args.repeats} runs "
        f"(frontier {min(frontier_s):.3f}s, nash {min(nash_s):.4f}s) | "
        f"frontier size {len(frontier)} | Nash utilities {nash_txt}",
        file=sys.stdout,
    )


if __name__ == "__main__":
    main()
