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
and UOAgent (ANL 2024's first and second) and NegMAS's Boulware and Conceder time-based negotiators, every ordered
pair without self-play, one repetition: in NegMAS each ordered pair (a, b) with a first and holding the first
profile (``rotate_ufuns=False``); in Accord every assignment of agents to parties (``roles: all``), the first party
holding the first profile and offering first: the same 12 negotiations per scenario. Prints one JSON line:
negotiations, agreements, wall-clock and CPU seconds of the tournament call (imports and scenario loading
excluded; serial runs only: with njobs >= 0 the CPU time of NegMAS's worker processes is not counted).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

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
    print(f"deadline: {{rounds: {steps}}}\nroles: all\nself_play: false\nrepetitions: 1\nseed: 1")


def genius_weights(scenario: Any) -> Any:
    """The scenario with each profile's issue weights divided by their sum, as GENIUS and Accord read them.

    NegMAS keeps the weights as written: Laptop's sum to 1.0000518, so every utility is that much higher than in
    Accord, and the ANL agents' thresholds then pick other outcomes in a few negotiations.
    """
    from negmas.inout import Scenario  # noqa: PLC0415
    from negmas.preferences import LinearAdditiveUtilityFunction  # noqa: PLC0415

    ufuns = []
    for ufun in scenario.ufuns:
        total = sum(ufun.weights)
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=ufun.values,
                weights=[weight / total for weight in ufun.weights],
                bias=getattr(ufun, "_bias", 0.0),
                reserved_value=ufun.reserved_value,
                outcome_space=ufun.outcome_space,
                name=ufun.name,
            )
        )
    return Scenario(outcome_space=scenario.outcome_space, ufuns=tuple(ufuns))


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
    parser.add_argument("--accord-results", type=Path, help="Accord's negotiations.csv: count the same endings")
    args = parser.parse_args()
    scenarios = [parse_scenario(s) for s in args.scenarios]
    if args.print_spec:
        print_spec(scenarios, args.steps, args.accord_python)
        return

    from anl import anl2024_tournament  # noqa: PLC0415
    from negmas.inout import Scenario  # noqa: PLC0415

    competitors = [load_class(cls) for cls in COMPETITORS.values()]
    # Undiscounted: the adapter gives a NegMAS negotiator Accord's undiscounted utilities (ANL has no discounting).
    loaded = [
        genius_weights(Scenario.from_genius_files(domain=d, ufuns=[a, b], safe_parsing=False, ignore_discount=True))
        for d, a, b in scenarios
    ]
    start, cpu = time.perf_counter(), time.process_time()
    results = anl2024_tournament(
        scenarios=loaded,
        n_scenarios=0,
        competitors=competitors,
        rotate_ufuns=False,
        n_repetitions=1,
        n_steps=args.steps,
        time_limit=None,
        hidden_time_limit=math.inf,
        self_play=False,
        njobs=args.njobs,
        nologs=True,
        verbosity=0,
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
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
                "cpu_seconds": round(cpu, 2),
                "seconds_per_negotiation": round(seconds / max(len(details), 1), 4),
                "steps": args.steps,
                "njobs": args.njobs,
            }
        )
    )
    if args.accord_results:
        print(json.dumps(same_endings(details, args.accord_results)))


def same_endings(details: Any, accord_csv: Path) -> dict[str, Any]:
    """How many negotiations ended the same (agreement and round) in NegMAS and in Accord's negotiations.csv."""
    ids = {cls.rpartition(".")[2]: name for name, cls in COMPETITORS.items()}
    with open(accord_csv, newline="") as file:
        accord = {
            (row["scenario"], row["agent_1"], row["agent_2"]): (row["agreement"] or None, int(row["round"]))
            for row in csv.DictReader(file)
        }
    same, differ = 0, []
    for _, row in details.iterrows():
        key = (row["scenario"], *(ids[name] for name in row["partners"]))
        agreement = "|".join(str(value) for value in row["agreement"]) if row["agreement"] is not None else None
        if accord.get(key) == (agreement, int(row["step"])):
            same += 1
        else:
            differ.append({"negotiation": key, "negmas": (agreement, int(row["step"])), "accord": accord.get(key)})
    return {"same_agreement_and_round": same, "of": len(details), "different": differ}


if __name__ == "__main__":
    main()
