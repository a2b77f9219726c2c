"""The base class of an Accord external agent and the loop that runs one over standard input and output."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import IO, Any

from .protocol import VERSION, ActionEvent, Draft, End, Settings, Turn


class Response(Enum):
    """An agent's answer to the offer on the table."""

    ACCEPT = "accept"
    REJECT = "reject"
    END = "end"


class ProtocolError(Exception):
    """Accord sent something this SDK does not understand."""


class Agent:
    """An agent: override ``propose`` (and usually ``respond``); the other hooks are optional.

    Accord starts one process per negotiation. ``on_settings`` comes first, then, on each of the agent's turns,
    ``respond`` (when an offer is on the table) and ``propose`` (when there is none, or ``respond`` rejected it);
    ``on_action`` tells every other party's action as it happens and ``on_end`` the outcome.
    """

    settings: Settings

    def on_settings(self, settings: Settings) -> None:
        """Called once, first. The default keeps the settings in ``self.settings``."""
        self.settings = settings

    def propose(self, turn: Turn) -> int | dict[str, str] | None:
        """The outcome to offer (an index, or an option label per issue), or None to walk away."""
        raise NotImplementedError

    def respond(self, turn: Turn) -> Response:
        """The answer to ``turn.offer``; the default accepts what gives at least the agent's next offer would."""
        assert turn.offer is not None
        return Response.ACCEPT if self.settings.is_acceptable(turn.offer.index) else Response.REJECT

    def on_action(self, action: ActionEvent) -> None:
        """Another party acted."""

    def on_draft(self, draft: Draft) -> str | None | bool:
        """The answer to a mediator's draft: True to accept, else the identifier of the issue to change (or None)."""
        return self.settings.is_acceptable(draft.offer.index)

    def on_end(self, end: End) -> None:
        """The negotiation ended."""


def _reply_to_turn(agent: Agent, turn: Turn) -> dict[str, Any]:
    if turn.offer is not None:
        answer = agent.respond(turn)
        if answer == Response.ACCEPT:
            return {"type": "accept"}
        if answer == Response.END:
            return {"type": "end"}
    proposal = agent.propose(turn)
    if proposal is None:
        return {"type": "end"}
    if isinstance(proposal, dict):
        return {"type": "offer", "outcome": proposal}
    return {"type": "offer", "index": int(proposal)}


def handle(agent: Agent, message: dict[str, Any]) -> dict[str, Any] | None:
    """Passes one message to the agent; returns the reply to send, if the message asks for one."""
    kind = message.get("type")
    if kind == "settings":
        if message.get("version") != VERSION:
            raise ProtocolError(f"Accord speaks protocol version {message.get('version')}; this SDK speaks {VERSION}")
        agent.on_settings(Settings.from_message(message))
        return {"type": "ready", "version": VERSION}
    if kind == "turn":
        return _reply_to_turn(agent, Turn.from_message(message))
    if kind == "action":
        agent.on_action(ActionEvent.from_message(message))
        return None
    if kind == "draft":
        answer = agent.on_draft(Draft.from_message(message))
        return {"type": "accept"} if answer is True else {"type": "object", "issue": answer or None}
    if kind == "end":
        agent.on_end(End.from_message(message))
        return None
    raise ProtocolError(f"unknown message type {kind!r}")


def run(agent: Agent, input: IO[str] | None = None, output: IO[str] | None = None) -> None:
    """Serves one negotiation: reads Accord's messages line by line, answers on one line each, until the end."""
    source = input if input is not None else sys.stdin
    sink = output if output is not None else sys.stdout
    for line in source:
        if not line.strip():
            continue
        message = json.loads(line)
        reply = handle(agent, message)
        if reply is not None:
            sink.write(json.dumps(reply, separators=(",", ":")) + "\n")
            sink.flush()
        if message.get("type") == "end":
            return
