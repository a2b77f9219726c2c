"""Plays a NegMAS SAO negotiator as an Accord external agent (NegMAS is used as a library, not copied).

Usage: ``python -m accord_agents.negmas_adapter CLASS [--param KEY=VALUE ...] [--bare-import]`` where CLASS is a
negotiator class by its import path, for example ``negmas.sao.BoulwareTBNegotiator`` or ``mypackage.agents:MyAgent``;
each ``--param`` value is read as JSON when it parses, else as text, and passed to the class's constructor.
``--bare-import`` imports the class's module without running the ``__init__`` files of the packages above it (see
``load_class``): ``anl_agents``' own ``__init__`` imports every agent of every year, TensorFlow and PyTorch with them.

How it maps Accord to NegMAS (docs/agents.md, "The NegMAS adapter"):

- the issues become NegMAS categorical issues whose values are Accord's option labels; outcomes are tuples of labels
  in issue order, so Accord's outcome index is the position in ``itertools.product`` order;
- the agent's utility table becomes a ``MappingUtilityFunction`` with its reservation value (outcomes that cross its
  red lines get utility -1, below any reservation);
- a real ``SAOMechanism`` runs in this process with ``n_steps`` = Accord's rounds (or ``time_limit`` = its seconds):
  the wrapped negotiator at its place in the turn order and, at every other place, a stand-in that replays what
  that party did at Accord's table. NegMAS's step s is Accord's round s + 1, and the negotiator sees Accord's
  normalised time t as ``state.relative_time`` (for a round deadline t = round / (rounds + 1), which is NegMAS's
  (step + 1) / (n_steps + 1): the same number);
- when Accord reveals the other party's utilities (the entry's ``reveal=utilities``, ANL's information setting), the
  negotiator gets them as ``private_info["opponent_ufun"]`` (its ``opponent_ufun``) with reserved value 0, as ANL's
  own runner gives them: the opponent's reservation value stays private.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.machinery
import importlib.util
import json
import sys
from typing import IO, Any

from .protocol import VERSION, Settings

try:
    from negmas import make_issue, make_os
    from negmas.preferences import MappingUtilityFunction
    from negmas.sao import ResponseType, SAOMechanism, SAONegotiator, SAOResponse
except ImportError as error:  # pragma: no cover - reported when run
    raise SystemExit(f"the NegMAS adapter needs NegMAS: pip install 'accord-agents[negmas]' ({error})")


class Bridge:
    """The line-based link to Accord: reads its messages, writes replies, remembers the end."""

    def __init__(self, input: IO[str], output: IO[str]) -> None:
        self.input = input
        self.output = output
        self.end: dict[str, Any] | None = None

    def read(self) -> dict[str, Any]:
        line = self.input.readline()
        if not line:
            raise EOFError("Accord closed the connection")
        message = json.loads(line)
        if message.get("type") == "end":
            self.end = message
        return message

    def send(self, message: dict[str, Any]) -> None:
        self.output.write(json.dumps(message, separators=(",", ":")) + "\n")
        self.output.flush()


_END = SAOResponse(ResponseType.END_NEGOTIATION, None)


class NegotiatorFailed(BaseException):
    """The wrapped negotiator raised on its turn: the adapter exits (status 1) and Accord records the failure.

    A ``BaseException`` so that NegMAS's mechanism, which catches a negotiator's ``Exception`` and asks again, lets
    it through: Accord's turn was already read and would otherwise wait, unanswered, until its reply limit.
    """


class RemoteParty(SAONegotiator):
    """Another party at Accord's table: on its turn, answers with what that party did there."""

    def __init__(self, bridge: Bridge, party: str, settings: Settings, **kwargs: Any) -> None:
        super().__init__(name=party, id=party, **kwargs)
        self.bridge = bridge
        self.party = party
        self.settings = settings

    def __call__(self, state: Any, dest: str | None = None) -> SAOResponse:
        if self.bridge.end is not None:
            return _END
        message = self.bridge.read()
        if message.get("type") == "end":
            return _END
        if message.get("type") != "action" or message.get("party") != self.party:
            raise RuntimeError(f"expected an action of {self.party}, got {message}")
        if message["action"] == "offer":
            outcome = tuple(message["outcome"][issue.id] for issue in self.settings.issues)
            return SAOResponse(ResponseType.REJECT_OFFER, outcome)
        if message["action"] == "accept":
            return SAOResponse(ResponseType.ACCEPT_OFFER, state.current_offer)
        return _END

    def propose(self, state: Any, dest: str | None = None) -> Any:  # never called: __call__ answers
        return None


def wrap(cls: type, bridge: Bridge, settings: Settings) -> type:
    """A subclass of a NegMAS negotiator class that takes its turns from Accord and sends its answers back."""

    def __call__(self: Any, state: Any, dest: str | None = None) -> SAOResponse:
        if bridge.end is not None:
            return _END
        message = bridge.read()
        if message.get("type") == "end":
            return _END
        if message.get("type") != "turn":
            raise RuntimeError(f"expected a turn, got {message}")
        try:
            state = dataclasses.replace(state, relative_time=float(message["t"]))
        except (TypeError, ValueError):
            state.relative_time = float(message["t"])
        try:
            response = cls.__call__(self, state, dest=dest)
        except Exception as error:  # NegMAS would catch it and call again, but the turn is already read
            raise NegotiatorFailed(f"{cls.__name__} raised {type(error).__name__}: {error}") from error
        if response.response == ResponseType.ACCEPT_OFFER and message.get("offer") is not None:
            bridge.send({"type": "accept"})
        elif response.response == ResponseType.REJECT_OFFER and response.outcome is not None:
            labels = {issue.id: str(value) for issue, value in zip(settings.issues, response.outcome)}
            bridge.send({"type": "offer", "outcome": labels})
        else:
            bridge.send({"type": "end"})
        return response

    return type(cls.__name__, (cls,), {"__call__": __call__})


def utility_function(settings: Settings) -> tuple[Any, Any]:
    """The NegMAS outcome space and utility function of the agent's settings."""
    issues = [make_issue(values=list(issue.options), name=issue.id) for issue in settings.issues]
    space = make_os(issues)
    mapping = {
        outcome: (-1.0 if index in settings.forbidden else utility)
        for index, (outcome, utility) in enumerate(zip(settings.outcomes(), settings.utilities))
    }
    ufun = MappingUtilityFunction(mapping=mapping, outcome_space=space, reserved_value=settings.reservation)
    return space, ufun


def private_info(settings: Settings, space: Any) -> dict[str, Any]:
    """The negotiator's private information: the opponent's utility function when Accord revealed it.

    Only in a bilateral negotiation (NegMAS's ``opponent_ufun`` names one opponent); its reserved value is 0, as in
    ANL's own runner, since the opponent's reservation value is never revealed.
    """
    others = [party for party in settings.parties if party != settings.party]
    if len(others) != 1 or others[0] not in settings.others:
        return {}
    mapping = dict(zip(settings.outcomes(), settings.others[others[0]]))
    return {"opponent_ufun": MappingUtilityFunction(mapping=mapping, outcome_space=space, reserved_value=0.0)}


def load_class(path: str, bare: bool = False) -> type:
    """A class by its import path: ``package.module.Class`` or ``package.module:Class``.

    With `bare`, the packages above the module are entered as empty packages (their folders only) instead of being
    imported, so their ``__init__`` files do not run; the module itself and everything it imports load as usual.
    """
    module, _, name = path.rpartition(":") if ":" in path else path.rpartition(".")
    if bare:
        enter_bare_packages(module)
    return getattr(importlib.import_module(module), name)


def enter_bare_packages(module: str) -> None:
    """Enters every package above `module` in ``sys.modules`` without running its ``__init__``."""
    parts = module.split(".")
    spec = importlib.util.find_spec(parts[0])
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"no package named {parts[0]!r}")
    locations = list(spec.submodule_search_locations)
    for depth in range(1, len(parts)):
        package = ".".join(parts[:depth])
        if package not in sys.modules:
            package_spec = importlib.machinery.ModuleSpec(package, None, is_package=True)
            package_spec.submodule_search_locations = locations
            sys.modules[package] = importlib.util.module_from_spec(package_spec)
        locations = [f"{location}/{parts[depth]}" for location in locations]


def play(cls: type, parameters: dict[str, Any], input: IO[str], output: IO[str]) -> dict[str, Any] | None:
    """Serves one negotiation with a negotiator of class `cls`; returns Accord's end message."""
    bridge = Bridge(input, output)
    message = bridge.read()
    if message.get("type") != "settings":
        raise RuntimeError(f"expected the settings, got {message.get('type')!r}")
    if message.get("version") != VERSION:
        raise RuntimeError(f"Accord speaks protocol version {message.get('version')}; this adapter speaks {VERSION}")
    settings = Settings.from_message(message)
    space, ufun = utility_function(settings)
    extra = {"private_info": info} if (info := private_info(settings, space)) else {}
    negotiator = wrap(cls, bridge, settings)(name=settings.party, id=settings.party, **extra, **parameters)
    bridge.send({"type": "ready", "version": VERSION})
    mechanism = SAOMechanism(
        outcome_space=space,
        n_steps=settings.rounds,
        time_limit=settings.seconds if settings.rounds is None else None,
    )
    for party in settings.parties:
        if party == settings.party:
            mechanism.add(negotiator, preferences=ufun)
        else:
            mechanism.add(RemoteParty(bridge, party, settings))
    mechanism.run()
    # NegMAS may end first (it saw the agreement or the last step): answer what Accord still asks until its end.
    while bridge.end is None:
        message = bridge.read()
        if message.get("type") in ("turn",):
            bridge.send({"type": "end"})
        elif message.get("type") == "draft":
            bridge.send({"type": "object", "issue": None})
    return bridge.end


def parse_parameters(items: list[str]) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            parameters[key] = json.loads(value)
        except json.JSONDecodeError:
            parameters[key] = value
    return parameters


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="accord-negmas-agent", description=__doc__.splitlines()[0])
    parser.add_argument("negotiator", help="the NegMAS negotiator class, e.g. negmas.sao.BoulwareTBNegotiator")
    parser.add_argument("--param", action="append", default=[], help="KEY=VALUE for the class's constructor")
    parser.add_argument(
        "--bare-import", action="store_true", help="import the class's module without its packages' __init__ files"
    )
    arguments = parser.parse_args(argv)
    cls = load_class(arguments.negotiator, bare=arguments.bare_import)
    play(cls, parse_parameters(arguments.param), sys.stdin, sys.stdout)


if __name__ == "__main__":
    main()
