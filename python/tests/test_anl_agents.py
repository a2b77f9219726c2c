"""ANL competition agents (PyPI ``anl-agents``) through the NegMAS adapter, and the mixed tournament of issue #17.

The two ANL 2024 agents used here, Shochan (takafam, the league's winner) and UOAgent (team moto, second), need
only NegMAS, ``anl`` and SciPy; ``anl-agents``' own ``__init__`` imports every agent of every year (TensorFlow and
PyTorch among them), so the adapter imports them with ``--bare-import``. They expect ANL's information setting
(their own utility function and reservation, the opponent's utility function without its reservation):
``reveal=utilities``.

Needs the accord executable, NegMAS, ``anl`` and ``anl-agents`` (installed without their dependencies by
scripts/ci/python-agent-tests.sh); skipped without them outside CI, failed in CI. The ANAC scenario (Laptop, ANAC
2011) is read from the GENIUS files of ../shared/conformance beside the repository; without them the tournament
runs on the bundled scenario only (and says so).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, accord_binary, require

ANL = {
    "shochan": "anl_agents.anl2024.takafam.shochan.Shochan",
    "uoagent": "anl_agents.anl2024.team_moto.uoagent.UOAgent",
}
LAPTOP = ROOT.parent / "shared" / "conformance" / "genius" / "templates" / "anac" / "y2011" / "Laptop"


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@pytest.fixture(autouse=True)
def needs_anl() -> None:
    require(have("negmas") and have("anl") and have("anl_agents"), "NegMAS, anl or anl-agents is not installed")
    require(accord_binary() is not None, "no accord executable (swift build, or set ACCORD_BINARY)")


def adapter(cls: str) -> list[str]:
    return [sys.executable, "-m", "accord_agents.negmas_adapter", cls, "--bare-import"]


def external(cls: str, reveal: bool = True) -> str:
    command = " ".join(adapter(cls))
    return f'external(command="{command}";startup=120;timeout=30' + (";reveal=utilities)" if reveal else ")")


def simulate(candidate: str, employer: str, rounds: int = 40) -> dict:
    run = subprocess.run(
        [accord_binary(), "simulate", "job-offer", "--rounds", str(rounds), "--format", "json", "--progress", "none"]
        + ["--agents", f"candidate={candidate},employer={employer}"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("name", sorted(ANL))
def test_an_anl_agent_negotiates_through_the_adapter(name: str) -> None:
    result = simulate(external(ANL[name]), "conceder")
    assert result["ending"] == "agreement", result


def test_shochan_needs_the_opponents_utilities() -> None:
    """Without ``reveal=utilities`` Shochan finds no opponent utility function: it fails, and Accord says so."""
    result = simulate(external(ANL["shochan"], reveal=False), "conceder", rounds=10)
    assert result["ending"] == "agentFailed", result


BROKEN = {
    "crash": ("exit 3", "exited with status 3 instead of answering"),
    "garbage": ("echo 'not json'", "answered with a line that is not a reply object"),
    "hang": ("sleep 5", "did not answer within 1 s"),
}


def broken_agent(folder: Path, name: str) -> Path:
    path = folder / f"{name}.sh"
    path.write_text(
        f'echo $$ >> "{path}.pids"\n'
        "while IFS= read -r line; do\n"
        '  case "$line" in\n'
        """    *'"type":"settings"'*) echo '{"type":"ready","version":1}' ;;\n"""
        f"""    *'"type":"turn"'*) {BROKEN[name][0]} ;;\n"""
        "  esac\n"
        "done\n"
    )
    return path


def tournament_spec(folder: Path) -> tuple[Path, int]:
    """The mixed tournament: Accord's boulware and conceder, the SDK's conceder, Shochan and UOAgent through the
    adapter, and three broken agents; job-offer and (when present) ANAC 2011's Laptop; fixed roles, 20 rounds."""
    python = json.dumps(sys.executable)
    sdk = f"{{id: sdk-conceder, command: {python}, args: [-m, accord_agents.examples.conceder]}}"
    entries = ["boulware", "conceder", sdk]
    for name, cls in sorted(ANL.items()):
        arguments = json.dumps(adapter(cls)[1:])
        entries.append(
            f"{{id: {name}, command: {python}, args: {arguments}, reveal: utilities, "
            "startup: 120, timeout: 30}"
        )
    for name in sorted(BROKEN):
        timeout = ", timeout: 1" if name == "hang" else ""
        script = json.dumps(str(broken_agent(folder, name)))
        entries.append(f"{{id: {name}, command: /bin/sh, args: [{script}]{timeout}}}")
    scenarios = ["job-offer"]
    if LAPTOP.is_dir():
        files = ("laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml")
        domain, buyer, seller = (LAPTOP / name for name in files)
        scenarios.append(f"{{name: Laptop, domain: '{domain}', profiles: ['{buyer}', '{seller}']}}")
    elif os.environ.get("CI") == "true":
        pytest.fail(f"the ANAC scenario's GENIUS files are missing: {LAPTOP}")
    agents = "\n".join(f"  - {entry}" for entry in entries)
    text = (
        "accord_tournament: 1\nname: anl-mixed\nagents:\n" + agents + "\nscenarios: [" + ", ".join(scenarios) + "]\n"
        "deadline: {rounds: 20}\nroles: fixed\nself_play: false\nseed: 1\n"
    )
    path = folder / "anl-mixed.yaml"
    path.write_text(text)
    count = len(entries) * (len(entries) - 1) // 2 * len(scenarios)
    return path, count


def records(out: Path) -> dict[int, dict]:
    lines = (out / "progress.jsonl").read_text().splitlines() if (out / "progress.jsonl").exists() else []
    result = {}
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:  # a line cut by the kill
            continue
        if "id" in record:
            result[record["id"]] = record
    return result


def test_the_mixed_tournament_isolates_broken_agents_and_resumes_after_a_kill(tmp_path: Path) -> None:
    spec, planned = tournament_spec(tmp_path)
    out = tmp_path / "results"
    command = [accord_binary(), "tournament", str(spec), "--out", str(out), "--progress", "none", "--jobs", "2"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while len(records(out)) < 8 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert first.poll() is None, "the tournament ended before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = records(out)
    assert 8 <= len(before) < planned

    again = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert again.returncode == 0, again.stderr
    after = records(out)
    assert sorted(after) == list(range(planned))
    for key, record in before.items():  # what was recorded before the kill is kept, not played again
        assert after[key] == record

    with open(out / "negotiations.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == planned
    for row in rows:
        broken = [name for name in BROKEN if name in (row["agent_1"], row["agent_2"])]
        if broken:
            assert row["ending"] == "failed", row
            assert any(BROKEN[name][1] in row["reason"] for name in broken), row
        else:
            assert row["ending"] != "failed", row
    played = {row["agent_1"] for row in rows} | {row["agent_2"] for row in rows}
    assert {"shochan", "uoagent", "sdk-conceder", "boulware"} <= played
    assert {row["scenario"] for row in rows} == ({"job-offer", "Laptop"} if LAPTOP.is_dir() else {"job-offer"})
