"""A time-dependent agent: its target falls from its best utility to its reservation as t^(1/e) (e = 1: linearly).

It offers the acceptable outcome closest above its target and accepts an offer worth at least its target.
Run: ``python -m accord_agents.examples.conceder [e]``.
"""

from __future__ import annotations

import sys

from accord_agents import Agent, Response, Settings, Turn, run


class Conceder(Agent):
    def __init__(self, exponent: float = 1.0) -> None:
        self.exponent = exponent

    def on_settings(self, settings: Settings) -> None:
        super().on_settings(settings)
        self.ranking = settings.ranking()

    def target(self, t: float) -> float:
        if not self.ranking:
            return 1.0
        best = self.settings.utility(self.ranking[0])
        floor = max(self.settings.reservation, self.settings.utility(self.ranking[-1]))
        concession = t ** (1 / self.exponent) if self.exponent > 0 else 0.0
        return best - (best - floor) * concession

    def propose(self, turn: Turn) -> int | None:
        if not self.ranking:
            return None
        target = self.target(turn.t)
        above = [i for i in self.ranking if self.settings.utility(i) >= target - 1e-12]
        return above[-1] if above else self.ranking[0]

    def respond(self, turn: Turn) -> Response:
        assert turn.offer is not None
        offered = turn.offer.index
        if self.settings.is_acceptable(offered) and self.settings.utility(offered) >= self.target(turn.t) - 1e-12:
            return Response.ACCEPT
        return Response.REJECT


if __name__ == "__main__":
    run(Conceder(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
