#!/bin/sh
# Reruns every example of docs/*.md (the ```console blocks: `$ accord …` lines and their output) with the accord
# built from this checkout, and rewrites in place the output of each example that now prints something else.
# Review the result with `git diff docs`; DocExamplesTests checks the same examples in `swift test`.
#
#   scripts/update-doc-examples.sh            # build, run every example, rewrite what changed
#
# The convention is in docs/cli.md ("Examples in these docs") and Tests/accordTests/DocExamplesTests.swift, which
# does the work: one parser and one comparison for both the check and the rewrite.
set -eu
cd "$(dirname "$0")/.."
ACCORD_UPDATE_DOC_EXAMPLES=1 swift test --filter DocExamplesTests
git --no-pager diff --stat -- docs
