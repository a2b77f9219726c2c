"""A hardliner: offers its best outcome every turn and accepts nothing (the trivial agent of the protocol's
overhead measurement in docs/performance.md). Run: ``python -m accord_agents.examples.hardliner``.
"""

from __future__ import annotations

from accord_agents import Agent, Response, Settings, Turn, run


class Hardliner(Agent):
    def on_settings(self, settings: Settings) -> None:
        super().on_settings(settings)
        ranking = settings.ranking()
        self.best = ranking[0] if ranking else None

    def propose(self, turn: Turn) -> int | None:
        return self.best

    def respond(self, turn: Turn) -> Response:
        return Response.REJECT


if __name__ == "__main__":
    run(Hardliner())
