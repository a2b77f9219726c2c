"""Fidelity against NegMAS: the same scenario in NegMAS's own SAOMechanism and in Accord (both parties played by
NegMAS negotiators through the adapter) gives the same agreement in the same round.

Needs NegMAS and the accord executable ($ACCORD_BINARY, else .build/debug/accord): skipped without them, failed in CI.
NegMAS's final ``state.step`` counts the steps begun, so it equals Accord's round of the agreement (rounds count
from 1) and, without agreement, both equal the number of rounds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, accord_binary, require

try:
    import negmas  # noqa: F401

    HAVE_NEGMAS = True
except ImportError:
    HAVE_NEGMAS = False

PRICE = """accord: 1
name: Price
issues:
  - {id: price, options: [p0, p1, p2, p3, p4]}
parties:
  - id: buyer
    weights: {price: 1}
    values: {price: {p0: 1, p1: 0.75, p2: 0.5, p3: 0.25, p4: 0}}
  - id: seller
    weights: {price: 1}
    values: {price: {p0: 0, p1: 0.25, p2: 0.5, p3: 0.75, p4: 1}}
"""

PACKAGE = """accord: 1
name: Package
issues:
  - {id: x, options: [x0, x1, x2, x3, x4]}
  - {id: y, options: [y0, y1, y2, y3, y4]}
parties:
  - id: a
    reservation: 0.2
    weights: {x: 0.7, y: 0.3}
    values: {x: {x0: 1, x1: 0.8, x2: 0.5, x3: 0.2, x4: 0}, y: {y0: 0, y1: 0.25, y2: 0.5, y3: 0.75, y4: 1}}
  - id: b
    reservation: 0.1
    weights: {x: 0.4, y: 0.6}
    values: {x: {x0: 0, x1: 0.3, x2: 0.6, x3: 0.9, x4: 1}, y: {y0: 1, y1: 0.8, y2: 0.5, y3: 0.3, y4: 0}}
"""

PAIRS = [
    ("BoulwareTBNegotiator", "ConcederTBNegotiator"),
    ("ConcederTBNegotiator", "BoulwareTBNegotiator"),
    ("LinearTBNegotiator", "LinearTBNegotiator"),
    ("NaiveTitForTatNegotiator", "ConcederTBNegotiator"),
]


def negmas_reference(scenario: dict, first: str, second: str, rounds: int) -> tuple[dict | None, int]:
    """The agreement (issue → label) and the final step of NegMAS's own SAOMechanism on the scenario."""
    import negmas.sao as sao
    from negmas import make_issue, make_os
    from negmas.preferences import MappingUtilityFunction

    issues = [make_issue(values=options, name=name) for name, options in scenario["issues"]]
    space = make_os(issues)
    mechanism = sao.SAOMechanism(outcome_space=space, n_steps=rounds)
    for (party, utilities, reservation), cls in zip(scenario["parties"], (first, second)):
        ufun = MappingUtilityFunction(mapping=utilities, outcome_space=space, reserved_value=reservation)
        mechanism.add(getattr(sao, cls)(name=party, id=party), preferences=ufun)
    state = mechanism.run()
    agreement = None
    if state.agreement is not None:
        agreement = {name: value for (name, _), value in zip(scenario["issues"], state.agreement)}
    return agreement, state.step


def accord_run(path: Path, parties: list[str], first: str, second: str, rounds: int) -> dict:
    binary = accord_binary()
    python = sys.executable
    agents = ",".join(
        f'{party}=external(command="{python} -m accord_agents.negmas_adapter negmas.sao.{cls}";timeout=60;startup=60)'
        for party, cls in zip(parties, (first, second))
    )
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    completed = subprocess.run(
        [binary, "simulate", str(path), "--agents", agents, "--rounds", str(rounds), "--format", "json"],
        capture_output=True, text=True, env=environment, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


SCENARIOS = {
    "price": (
        PRICE,
        {
            "issues": [("price", ["p0", "p1", "p2", "p3", "p4"])],
            "parties": [
                ("buyer", {(p,): v for p, v in zip(["p0", "p1", "p2", "p3", "p4"], [1, 0.75, 0.5, 0.25, 0])}, 0.0),
                ("seller", {(p,): v for p, v in zip(["p0", "p1", "p2", "p3", "p4"], [0, 0.25, 0.5, 0.75, 1])}, 0.0),
            ],
        },
    ),
}


def _package_tables() -> dict:
    xs = ["x0", "x1", "x2", "x3", "x4"]
    ys = ["y0", "y1", "y2", "y3", "y4"]
    a_x, a_y = [1, 0.8, 0.5, 0.2, 0], [0, 0.25, 0.5, 0.75, 1]
    b_x, b_y = [0, 0.3, 0.6, 0.9, 1], [1, 0.8, 0.5, 0.3, 0]
    a = {(x, y): 0.7 * a_x[i] + 0.3 * a_y[j] for i, x in enumerate(xs) for j, y in enumerate(ys)}
    b = {(x, y): 0.4 * b_x[i] + 0.6 * b_y[j] for i, x in enumerate(xs) for j, y in enumerate(ys)}
    return {"issues": [("x", xs), ("y", ys)], "parties": [("a", a, 0.2), ("b", b, 0.1)]}


SCENARIOS["package"] = (PACKAGE, _package_tables())


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@pytest.mark.parametrize("first,second", PAIRS)
@pytest.mark.parametrize("rounds", [10, 40])
def test_the_same_agreement_in_the_same_round(tmp_path: Path, name: str, first: str, second: str, rounds: int) -> None:
    require(HAVE_NEGMAS, "NegMAS is not installed (pip install 'accord-agents[negmas]')")
    require(accord_binary() is not None, "no accord executable (build it, or set ACCORD_BINARY)")
    text, tables = SCENARIOS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    expected_agreement, expected_step = negmas_reference(tables, first, second, rounds)
    result = accord_run(path, [p for p, _, _ in tables["parties"]], first, second, rounds)
    agreement = result.get("agreement")
    if isinstance(agreement, dict) and "outcome" in agreement:
        agreement = agreement["outcome"]
    assert (agreement, result["round"]) == (expected_agreement, expected_step), result.get("ending")
