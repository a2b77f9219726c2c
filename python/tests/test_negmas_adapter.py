"""The NegMAS adapter on scripted exchanges: the mapping of the scenario and of Accord's turns."""

from __future__ import annotations

import io

import pytest
from conftest import lines, replies, require, settings_message

try:
    import negmas  # noqa: F401

    HAVE_NEGMAS = True
except ImportError:
    HAVE_NEGMAS = False


@pytest.fixture(autouse=True)
def needs_negmas() -> None:
    require(HAVE_NEGMAS, "NegMAS is not installed (pip install 'accord-agents[negmas]')")


def test_the_scenario_becomes_an_outcome_space_and_a_utility_function() -> None:
    from accord_agents.negmas_adapter import utility_function
    from accord_agents.protocol import Settings

    message = settings_message()
    message["issues"] = [
        {"id": "a", "name": "A", "options": ["a0", "a1"]},
        {"id": "b", "name": "B", "options": ["b0", "b1", "b2"]},
    ]
    message["utilities"] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    message["forbidden"] = [5]
    message["reservation"] = 0.15
    space, ufun = utility_function(Settings.from_message(message))
    assert space.cardinality == 6
    assert ufun(("a1", "b1")) == pytest.approx(0.4)
    assert ufun(("a0", "b2")) == pytest.approx(0.2)
    assert ufun(("a1", "b2")) == -1.0  # a red line
    assert ufun.reserved_value == 0.15


def test_a_boulware_negotiator_plays_a_scripted_exchange() -> None:
    from negmas.sao import BoulwareTBNegotiator

    from accord_agents.negmas_adapter import play

    p4 = {"index": 4, "outcome": {"price": "p4"}}
    output = io.StringIO()
    end = play(
        BoulwareTBNegotiator,
        {},
        lines(
            [
                settings_message(),
                {"type": "turn", "round": 1, "t": 1 / 11, "offer": None},
                {"type": "action", "party": "seller", "action": "offer", "round": 1, "t": 1 / 11, **p4},
                {"type": "turn", "round": 2, "t": 2 / 11, "offer": {**p4, "by": "seller"}},
                {"type": "end", "ending": "walkAway", "round": 2, "t": 2 / 11, "agreement": None, "utility": 0},
            ]
        ),
        output,
    )
    # Early on, Boulware asks for its best outcome and rejects the seller's best.
    assert replies(output) == [
        {"type": "ready", "version": 1},
        {"type": "offer", "outcome": {"price": "p0"}},
        {"type": "offer", "outcome": {"price": "p0"}},
    ]
    assert end is not None and end["ending"] == "walkAway"


def test_classes_load_by_dotted_or_colon_path() -> None:
    from negmas.sao import ConcederTBNegotiator

    from accord_agents.negmas_adapter import load_class, parse_parameters

    assert load_class("negmas.sao.ConcederTBNegotiator") is ConcederTBNegotiator
    assert load_class("negmas.sao:ConcederTBNegotiator") is ConcederTBNegotiator
    assert parse_parameters(["e=0.5", "name=x"]) == {"e": 0.5, "name": "x"}
