#!/usr/bin/env bash
# The external-agent tests across languages (issue #17): the Python SDK's pytest suite (python/tests, including the
# fidelity tests that run the same scenarios in NegMAS's own SAOMechanism and in Accord through the NegMAS adapter)
# and the Swift tests that drive Python agents (ExternalPythonAgentTests), all against a built accord.
#
# Usage: scripts/ci/python-agent-tests.sh [path/to/accord]   (default: .build/debug/accord, built when missing)
#
# Creates (once) the virtual environment .venv-agents (git-ignored) with the pinned packages of
# scripts/ci/agent-requirements.txt (NegMAS 0.16.0, pytest and their dependencies) and installs ./python into it;
# a second call only checks the pins. The first install took 3 min 51 s on the 2-core build machine (pip's own time,
# with a Swift build running beside it). anl-agents is not installed: it requires TensorFlow and PyTorch (several GB).
# CI=true (set by .ci/run) turns every skip for a missing tool into a failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
binary=${1:-.build/debug/accord}
export CI="${CI:-true}"

venv=.venv-agents
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
fi
stamp=$venv/.requirements
if ! cmp -s scripts/ci/agent-requirements.txt "$stamp" 2>/dev/null; then
    start=$(date +%s)
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/ci/agent-requirements.txt
    cp scripts/ci/agent-requirements.txt "$stamp"
    echo "installed the pinned agent-test packages in $(( $(date +%s) - start )) s"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall ./python

if [[ ! -x $binary ]]; then
    swift build --product accord
fi
export ACCORD_BINARY="$root/${binary#./}"
[[ $binary == /* ]] && ACCORD_BINARY=$binary

echo "== the Python SDK and the NegMAS adapter (pytest)"
(cd python && "$root/$venv/bin/python" -m pytest -q tests)

echo "== Swift tests that drive Python agents"
ACCORD_PYTHON="$root/$venv/bin/python" swift test --skip-build --filter ExternalPythonAgentTests 2>&1
