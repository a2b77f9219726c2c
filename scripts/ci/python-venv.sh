#!/usr/bin/env bash
# Creates (once) the Python virtual environment of the CI harnesses in .venv-ci and installs the pinned tools
# listed in scripts/ci/requirements.txt; prints the environment's folder. Idempotent: a second call only checks.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-ci
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv $venv
fi
stamp=$venv/.requirements
if ! cmp -s scripts/ci/requirements.txt "$stamp" 2>/dev/null; then
  $venv/bin/pip install --quiet --disable-pip-version-check -r scripts/ci/requirements.txt
  cp scripts/ci/requirements.txt "$stamp"
fi
echo "$PWD/$venv"
