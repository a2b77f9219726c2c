"""A random agent: offers a random acceptable outcome and accepts any acceptable offer.

Run: ``python -m accord_agents.examples.random_agent [seed]``.
"""

from __future__ import annotations

import random
import sys

from accord_agents import Agent, Settings, Turn, run


class RandomAgent(Agent):
    def __init__(self, seed: int = 1) -> None:
        self.random = random.Random(seed)

    def on_settings(self, settings: Settings) -> None:
        super().on_settings(settings)
        self.acceptable = settings.ranking()

    def propose(self, turn: Turn) -> int | None:
        return self.random.choice(self.acceptable) if self.acceptable else None


if __name__ == "__main__":
    run(RandomAgent(int(sys.argv[1]) if len(sys.argv) > 1 else 1))
