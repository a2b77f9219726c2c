"""Shared fixtures: the five-price scenario's settings message and a helper to run scripted exchanges."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))


def settings_message(party: str = "buyer", rounds: int = 10) -> dict[str, Any]:
    utilities = [1, 0.75, 0.5, 0.25, 0] if party == "buyer" else [0, 0.25, 0.5, 0.75, 1]
    return {
        "type": "settings",
        "protocol": "accord-agent",
        "version": 1,
        "party": party,
        "parties": ["buyer", "seller"],
        "mechanism": "alternating",
        "deadline": {"rounds": rounds, "seconds": None},
        "reply_limit": 10,
        "issues": [{"id": "price", "name": "Price", "options": ["p0", "p1", "p2", "p3", "p4"]}],
        "outcomes": 5,
        "utilities": utilities,
        "reservation": 0,
        "discount": None,
        "forbidden": [],
    }


def lines(messages: list[dict[str, Any]]) -> io.StringIO:
    return io.StringIO("".join(json.dumps(m) + "\n" for m in messages))


def replies(output: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def accord_binary() -> str | None:
    """The accord executable: $ACCORD_BINARY, else the package's debug build; None when there is none."""
    candidate = os.environ.get("ACCORD_BINARY") or str(ROOT / ".build" / "debug" / "accord")
    return candidate if os.path.exists(candidate) else shutil.which("accord")


def require(condition: bool, reason: str) -> None:
    """Skips outside CI, fails in CI (CI=true) when something a test needs is missing."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: required)")
    pytest.skip(reason)
