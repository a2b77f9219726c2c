"""The messages of Accord's external-agent protocol, version 1 (docs/agents.md), as Python objects."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

VERSION = 1
"""The protocol version this SDK speaks."""


@dataclass(frozen=True)
class Issue:
    """An issue: its identifier, its name and its option labels, in Accord's order."""

    id: str
    name: str
    options: list[str]


@dataclass(frozen=True)
class Offer:
    """An outcome on the table: its index, its option label per issue, and (in a turn) who offered it."""

    index: int
    outcome: dict[str, str]
    by: str | None = None


@dataclass
class Settings:
    """What an agent is told before the negotiation: its party, the issues and its own preferences only."""

    party: str
    parties: list[str]
    mechanism: str
    rounds: int | None
    seconds: float | None
    reply_limit: float
    issues: list[Issue]
    utilities: list[float]
    reservation: float
    discount: float | None = None
    forbidden: set[int] = field(default_factory=set)
    #: The other parties' utility tables (party id → utilities by outcome index), sent only to an agent whose entry
    #: has ``reveal=utilities`` (ANL's information setting); never their reservation values or red lines.
    others: dict[str, list[float]] = field(default_factory=dict)

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> "Settings":
        deadline = message.get("deadline") or {}
        return cls(
            party=message["party"],
            parties=list(message["parties"]),
            mechanism=message["mechanism"],
            rounds=deadline.get("rounds"),
            seconds=deadline.get("seconds"),
            reply_limit=float(message.get("reply_limit", 10)),
            issues=[Issue(i["id"], i.get("name", i["id"]), list(i["options"])) for i in message["issues"]],
            utilities=[float(u) for u in message["utilities"]],
            reservation=float(message["reservation"]),
            discount=message.get("discount"),
            forbidden=set(message.get("forbidden", [])),
            others={
                entry["party"]: [float(u) for u in entry["utilities"]] for entry in message.get("others") or []
            },
        )

    @property
    def outcome_count(self) -> int:
        """The number of outcomes (the length of ``utilities``)."""
        return len(self.utilities)

    def utility(self, index: int) -> float:
        """The agent's utility of an outcome (by index)."""
        return self.utilities[index]

    def outcome(self, index: int) -> dict[str, str]:
        """The option label per issue of an outcome index (mixed radix, the first issue most significant)."""
        labels: list[str] = []
        for issue in reversed(self.issues):
            index, level = divmod(index, len(issue.options))
            labels.append(issue.options[level])
        return {issue.id: label for issue, label in zip(self.issues, reversed(labels))}

    def index(self, outcome: dict[str, str]) -> int:
        """The index of an outcome given as an option label per issue."""
        index = 0
        for issue in self.issues:
            index = index * len(issue.options) + issue.options.index(outcome[issue.id])
        return index

    def outcomes(self) -> list[tuple[str, ...]]:
        """Every outcome as a tuple of labels, in index order."""
        return list(itertools.product(*(issue.options for issue in self.issues)))

    def is_acceptable(self, index: int) -> bool:
        """Whether an outcome reaches the reservation value and crosses none of the agent's red lines."""
        return self.utilities[index] >= self.reservation - 1e-9 and index not in self.forbidden

    def ranking(self) -> list[int]:
        """The acceptable outcomes, best first (ties: lower index first)."""
        candidates = [i for i in range(self.outcome_count) if self.is_acceptable(i)]
        return sorted(candidates, key=lambda i: (-self.utilities[i], i))


@dataclass(frozen=True)
class Turn:
    """It is the agent's turn: the round (from 1), the normalised time t in [0, 1] and the offer on the table."""

    round: int
    t: float
    offer: Offer | None

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> "Turn":
        offer = message.get("offer")
        return cls(
            round=int(message["round"]),
            t=float(message["t"]),
            offer=Offer(int(offer["index"]), dict(offer["outcome"]), offer.get("by")) if offer else None,
        )


@dataclass(frozen=True)
class ActionEvent:
    """Another party acted: `offer` (with the outcome), `accept` (the offer it accepted) or `end`."""

    party: str
    action: str
    round: int
    t: float
    offer: Offer | None

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> "ActionEvent":
        offer = None
        if "index" in message:
            offer = Offer(int(message["index"]), dict(message["outcome"]), message["party"])
        return cls(message["party"], message["action"], int(message["round"]), float(message["t"]), offer)


@dataclass(frozen=True)
class Draft:
    """The mediator's draft (mediated mechanism): reply accept, or object naming an issue."""

    round: int
    t: float
    offer: Offer

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> "Draft":
        return cls(
            int(message["round"]), float(message["t"]), Offer(int(message["index"]), dict(message["outcome"]))
        )


@dataclass(frozen=True)
class End:
    """The negotiation ended: how (`agreement`, `deadline`, `walkAway`, ...), when, the agreement and its utility."""

    ending: str
    round: int
    t: float
    agreement: Offer | None
    utility: float

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> "End":
        agreement = message.get("agreement")
        return cls(
            message["ending"],
            int(message["round"]),
            float(message["t"]),
            Offer(int(agreement["index"]), dict(agreement["outcome"])) if agreement else None,
            float(message["utility"]),
        )
