#!/usr/bin/env bash
# The external-agent tests across languages (issue #17): the Python SDK's pytest suite (python/tests, including the
# fidelity tests that run the same scenarios in NegMAS's own SAOMechanism and in Accord through the NegMAS adapter)
# and the Swift tests that drive Python agents (ExternalPythonAgentTests), all against a built accord.
#
# Usage: scripts/ci/python-agent-tests.sh [path/to/accord]   (default: .build/debug/accord, built when missing)
#
# The virtual environment .venv-agents comes from scripts/ci/agent-venv.sh (pinned NegMAS, pytest, ANL's `anl` and
# `anl-agents` without their dependencies, ./python).
# CI=true (set by .ci/run) turns every skip for a missing tool into a failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
binary=${1:-.build/debug/accord}
export CI="${CI:-true}"

scripts/ci/agent-venv.sh > /dev/null
venv=.venv-agents

if [[ ! -x $binary ]]; then
    swift build --product accord
fi
export ACCORD_BINARY="$root/${binary#./}"
[[ $binary == /* ]] && ACCORD_BINARY=$binary

echo "== the Python SDK and the NegMAS adapter (pytest)"
(cd python && "$root/$venv/bin/python" -m pytest -q tests)

echo "== Swift tests that drive Python agents"
ACCORD_PYTHON="$root/$venv/bin/python" swift test --skip-build --filter ExternalPythonAgentTests 2>&1
