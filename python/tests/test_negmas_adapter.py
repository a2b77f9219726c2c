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


def _scripted(cls: type, message: dict) -> None:
    from accord_agents.negmas_adapter import play

    end = {"type": "end", "ending": "walkAway", "round": 1, "t": 1 / 11, "agreement": None, "utility": 0}
    play(cls, {}, lines([message, {"type": "turn", "round": 1, "t": 1 / 11, "offer": None}, end]), io.StringIO())


def test_revealed_utilities_become_the_opponent_ufun_with_reserved_value_0() -> None:
    from negmas.sao import BoulwareTBNegotiator

    seen: dict = {}

    class Recorder(BoulwareTBNegotiator):
        def __call__(self, state, dest=None):  # type: ignore[no-untyped-def]
            seen["opponent"] = self.opponent_ufun
            return super().__call__(state, dest=dest)

    message = settings_message()
    message["reservation"] = 0.2
    message["others"] = [{"party": "seller", "utilities": [0, 0.25, 0.5, 0.75, 1]}]
    _scripted(Recorder, message)
    opponent = seen["opponent"]
    assert [opponent((f"p{i}",)) for i in range(5)] == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert opponent.reserved_value == 0.0  # its reservation stays private, as in ANL's runner

    _scripted(Recorder, settings_message())  # without `others`: no opponent utility function
    assert seen["opponent"] is None


def test_a_bare_import_skips_the_packages_init_files(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from accord_agents.negmas_adapter import load_class

    package = tmp_path / "heavy_pkg" / "year"
    package.mkdir(parents=True)
    (tmp_path / "heavy_pkg" / "__init__.py").write_text("raise ImportError('needs TensorFlow')\n")
    (package / "__init__.py").write_text("raise ImportError('needs PyTorch')\n")
    (package / "helper.py").write_text("FACTOR = 2\n")
    (package / "agent.py").write_text("from .helper import FACTOR\n\nclass Agent:\n    factor = FACTOR\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImportError, match="TensorFlow"):
        load_class("heavy_pkg.year.agent.Agent")
    for name in [n for n in sys.modules if n.startswith("heavy_pkg")]:
        del sys.modules[name]
    assert load_class("heavy_pkg.year.agent.Agent", bare=True).factor == 2
    for name in [n for n in sys.modules if n.startswith("heavy_pkg")]:
        del sys.modules[name]


def test_a_negotiator_that_raises_on_its_turn_stops_the_adapter() -> None:
    """NegMAS catches a negotiator's exception and calls it again; the adapter must not wait for another turn."""
    from negmas.sao import BoulwareTBNegotiator

    from accord_agents.negmas_adapter import NegotiatorFailed

    class Broken(BoulwareTBNegotiator):
        def __call__(self, state, dest=None):  # type: ignore[no-untyped-def]
            raise AssertionError("no opponent utility function")

    with pytest.raises(NegotiatorFailed, match="Broken raised AssertionError: no opponent utility function"):
        _scripted(Broken, settings_message())
