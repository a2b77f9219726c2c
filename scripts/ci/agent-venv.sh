#!/usr/bin/env bash
# Creates (once) the virtual environment .venv-agents (git-ignored) of the external-agent tests and prints its folder:
# the pinned packages of scripts/ci/agent-requirements.txt (NegMAS 0.16.0, pytest and their dependencies), then ANL's
# `anl` and `anl-agents` (scripts/ci/anl-requirements.txt) WITHOUT their dependencies (TensorFlow, PyTorch, ...: the
# ANL 2024 agents the tests run need only what is already there), then ./python. A second call only checks the pins.
# The first install took 3 min 51 s on the 2-core build machine (pip's own time, with a Swift build running beside
# it); the ANL wheels (18 MB) added 17 s (load average 15).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-agents
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
fi
stamp=$venv/.requirements
if ! cmp -s scripts/ci/agent-requirements.txt "$stamp" 2>/dev/null; then
    start=$(date +%s)
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/ci/agent-requirements.txt
    cp scripts/ci/agent-requirements.txt "$stamp"
    echo "installed the pinned agent-test packages in $(( $(date +%s) - start )) s" >&2
fi
anl_stamp=$venv/.anl-requirements
if ! cmp -s scripts/ci/anl-requirements.txt "$anl_stamp" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r scripts/ci/anl-requirements.txt
    cp scripts/ci/anl-requirements.txt "$anl_stamp"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall ./python
echo "$PWD/$venv"
