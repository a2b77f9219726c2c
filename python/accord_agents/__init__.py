"""Accord external agents in Python: subclass ``Agent``, call ``run(MyAgent())`` (docs/agents.md)."""

from .agent import Agent, ProtocolError, Response, handle, run
from .protocol import VERSION, ActionEvent, Draft, End, Issue, Offer, Settings, Turn

__all__ = [
    "VERSION",
    "ActionEvent",
    "Agent",
    "Draft",
    "End",
    "Issue",
    "Offer",
    "ProtocolError",
    "Response",
    "Settings",
    "Turn",
    "handle",
    "run",
]
