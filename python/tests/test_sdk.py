"""The SDK: settings, the message loop, the replies, the examples."""

from __future__ import annotations

import io

import pytest
from conftest import lines, replies, settings_message

from accord_agents import Agent, ProtocolError, Response, Settings, Turn, handle, run
from accord_agents.examples.conceder import Conceder
from accord_agents.examples.random_agent import RandomAgent


def two_issue_settings() -> Settings:
    message = settings_message()
    message["issues"] = [
        {"id": "a", "name": "A", "options": ["a0", "a1"]},
        {"id": "b", "name": "B", "options": ["b0", "b1", "b2"]},
    ]
    message["utilities"] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    message["forbidden"] = [5]
    message["reservation"] = 0.15
    return Settings.from_message(message)


def test_outcome_indices_are_mixed_radix_with_the_first_issue_most_significant() -> None:
    settings = two_issue_settings()
    assert settings.outcome(4) == {"a": "a1", "b": "b1"}
    assert settings.index({"a": "a1", "b": "b1"}) == 4
    assert settings.outcomes()[4] == ("a1", "b1")
    assert all(settings.index(settings.outcome(i)) == i for i in range(6))


def test_ranking_keeps_acceptable_outcomes_best_first() -> None:
    settings = two_issue_settings()
    assert settings.ranking() == [4, 3, 2]  # 5 crosses a red line, 0 and 1 are below the reservation


class Fixed(Agent):
    def propose(self, turn: Turn) -> dict[str, str]:
        return {"price": "p1"}


def test_a_whole_exchange() -> None:
    output = io.StringIO()
    agent = Fixed()
    run(
        agent,
        lines(
            [
                settings_message(),
                {"type": "turn", "round": 1, "t": 0.09, "offer": None},
                {"type": "action", "party": "seller", "action": "offer", "round": 1, "t": 0.09, "index": 3,
                 "outcome": {"price": "p3"}},
                {"type": "turn", "round": 2, "t": 0.18, "offer": {"index": 3, "outcome": {"price": "p3"},
                                                                  "by": "seller"}},
                {"type": "end", "ending": "agreement", "round": 2, "t": 0.18,
                 "agreement": {"index": 3, "outcome": {"price": "p3"}}, "utility": 0.25},
            ]
        ),
        output,
    )
    # The default respond accepts any acceptable offer (reservation 0).
    assert replies(output) == [
        {"type": "ready", "version": 1},
        {"type": "offer", "outcome": {"price": "p1"}},
        {"type": "accept"},
    ]


def test_an_unknown_version_or_message_is_refused() -> None:
    with pytest.raises(ProtocolError):
        handle(Fixed(), {**settings_message(), "version": 2})
    with pytest.raises(ProtocolError):
        handle(Fixed(), {"type": "chat"})


def test_end_and_drafts() -> None:
    class Walker(Agent):
        def propose(self, turn: Turn) -> None:
            return None

        def respond(self, turn: Turn) -> Response:
            return Response.END

    agent = Walker()
    handle(agent, settings_message())
    assert handle(agent, {"type": "turn", "round": 1, "t": 0.1, "offer": None}) == {"type": "end"}
    offer = {"index": 0, "outcome": {"price": "p0"}, "by": "seller"}
    assert handle(agent, {"type": "turn", "round": 1, "t": 0.1, "offer": offer}) == {"type": "end"}
    draft = {"type": "draft", "round": 1, "t": 0.1, "index": 0, "outcome": {"price": "p0"}}
    assert handle(agent, draft) == {"type": "accept"}


def test_the_conceder_moves_from_its_best_to_its_reservation() -> None:
    agent = Conceder(1.0)
    handle(agent, settings_message())
    first = handle(agent, {"type": "turn", "round": 1, "t": 0.0, "offer": None})
    last = handle(agent, {"type": "turn", "round": 10, "t": 1.0, "offer": None})
    assert first == {"type": "offer", "index": 0}
    assert last == {"type": "offer", "index": 4}
    cheap = {"index": 1, "outcome": {"price": "p1"}, "by": "seller"}
    # At t = 0.25 the target is 0.75: p1 (0.75) is accepted, p3 (0.25) is answered with p1, the lowest above it.
    assert handle(agent, {"type": "turn", "round": 2, "t": 0.25, "offer": cheap}) == {"type": "accept"}
    dear = {"index": 3, "outcome": {"price": "p3"}, "by": "seller"}
    assert handle(agent, {"type": "turn", "round": 2, "t": 0.25, "offer": dear}) == {"type": "offer", "index": 1}


def test_the_random_agent_offers_only_acceptable_outcomes_and_repeats_with_its_seed() -> None:
    message = settings_message()
    message["reservation"] = 0.5
    offers = []
    for _ in range(2):
        agent = RandomAgent(7)
        handle(agent, message)
        offers.append([handle(agent, {"type": "turn", "round": r, "t": r / 11, "offer": None})["index"]
                       for r in range(1, 11)])
    assert offers[0] == offers[1]
    assert set(offers[0]) <= {0, 1, 2}
