"""Example agents: ``python -m accord_agents.examples.conceder`` and ``python -m accord_agents.examples.random_agent``."""
