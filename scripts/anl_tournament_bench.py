#!/usr/bin/env python3
"""Time ANL's own tournament (``anl.anl2024_tournament``, on NegMAS) on GENIUS scenarios, or print the equivalent
Accord tournament specification (the same agents through the NegMAS adapter, the same files).

An external reference measurement (docs/performance.md, "ANL agents: a whole tournament against ANL's own"): it only
*calls* NegMAS, ``anl`` and ``anl-agents`` (AGPL, installed separately by scripts/compare-anl-tournament.sh, never
vendored).

Usage:

    python scripts/anl_tournament_bench.py SCENARIO... [--steps 100] [--njobs -1]
    python scripts/anl_tournament_bench.py SCENARIO... [--steps 100] --print-spec [--accord-python PYTHON]

where each SCENARIO is ``DOMAIN.xml:PROFILE1.xml:PROFILE2.xml`` (GENIUS files; two parties). Competitors: Shochan
and UOAgent (ANL 2024's first and second) and NegMAS's Boulware and Conceder time-based negotiators. NegMAS: every
ordered pair without self-play, ``rotate_ufuns`` (each ordered pair with both assignments of the two profiles),
one repetition: 4 negotiations per pair of agents per scenario. Accord: every assignment of agents to parties
(``roles: all``) and two repetitions, the same 4 per pair per scenario (the first party offers first in both). Prints one JSON line: negotiations,
agreements, wall-clock seconds of the tournament call (imports and scenario loading excluded), per negotiation.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

COMPETITORS = {
    "shochan": "anl_agents.anl2024.takafam.shochan.Shochan",
    "uoagent": "anl_agents.anl2024.team_moto.uoagent.UOAgent",
    "boulware": "negmas.sao.BoulwareTBNegotiator",
    "conceder": "negmas.sao.ConcederTBNegotiator",
}


def parse_scenario(text: str) -> tuple[Path, Path, Path]:
    parts = [Path(p).resolve() for p in text.split(":")]
    if len(parts) != 3:
        raise SystemExit(f"{text}: expected DOMAIN.xml:PROFILE1.xml:PROFILE2.xml")
    return parts[0], parts[1], parts[2]


def print_spec(scenarios: list[tuple[Path, Path, Path]], steps: int, python: str) -> None:
    print("accord_tournament: 1\nname: anl-comparison\nagents:")
    for name, cls in COMPETITORS.items():
        arguments = ["-m", "accord_agents.negmas_adapter", cls]
        if cls.startswith("anl_agents."):
            arguments.append("--bare-import")
        print(
            f"  - {{id: {name}, command: {json.dumps(python)}, args: {json.dumps(arguments)}, "
            "reveal: utilities, startup: 300, timeout: 60}"
        )
    print("scenarios:")
    for domain, first, second in scenarios:
        print(f"  - {{name: {json.dumps(domain.stem)}, domain: {json.dumps(str(domain))}, ", end="")
        print(f"profiles: [{json.dumps(str(first))}, {json.dumps(str(second))}]}}")
    print(f"deadline: {{rounds: {steps}}}\nroles: all\nself_play: false\nrepetitions: 2\nseed: 1")


def load_class(path: str) -> type:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
    from accord_agents.negmas_adapter import load_class as load  # noqa: PLC0415 - the adapter's own bare import

    return load(path, bare=path.startswith("anl_agents."))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenarios", nargs="+")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--njobs", type=int, default=-1, help="NegMAS njobs (-1: serial, in this process)")
    parser.add_argument("--print-spec", action="store_true", help="print the equivalent Accord specification")
    parser.add_argument("--accord-python", default=sys.executable, help="the Python Accord runs the adapter with")
    args = parser.parse_args()
    scenarios = [parse_scenario(s) for s in args.scenarios]
    if args.print_spec:
        print_spec(scenarios, args.steps, args.accord_python)
        return

    from anl import anl2024_tournament  # noqa: PLC0415
    from negmas.inout import Scenario  # noqa: PLC0415

    competitors = [load_class(cls) for cls in COMPETITORS.values()]
    loaded = [Scenario.from_genius_files(domain=d, ufuns=[a, b], safe_parsing=False) for d, a, b in scenarios]
    start = time.perf_counter()
    results = anl2024_tournament(
        scenarios=loaded,
        n_scenarios=0,
        competitors=competitors,
        rotate_ufuns=True,
        n_repetitions=1,
        n_steps=args.steps,
        time_limit=None,
        hidden_time_limit=math.inf,
        self_play=False,
        njobs=args.njobs,
        nologs=True,
        verbosity=0,
    )
    seconds = time.perf_counter() - start
    details = results.details
    agreements = int(details["agreement"].notna().sum()) if "agreement" in details else None
    failed = int(details["has_error"].sum()) if "has_error" in details else None
    print(
        json.dumps(
            {
                "tool": "anl2024_tournament",
                "negotiations": len(details),
                "agreements": agreements,
                "errors": failed,
                "seconds": round(seconds, 2),
                "seconds_per_negotiation": round(seconds / max(len(details), 1), 4),
                "steps": args.steps,
                "njobs": args.njobs,
            }
        )
    )


if __name__ == "__main__":
    main()
