#!/usr/bin/env bash
# Browser tests of the web workspace (issue #13): headless Chromium driven by Selenium against a real
# `accord serve` on a free port and a fresh SQLite file, at 1280×800 and at 390×844.
#
# Usage: scripts/ci/browser-tests.sh [path/to/accord]   (default: .build/debug/accord, built when missing)
#
# Installs Debian's chromium and chromium-driver when missing (idempotent; run as root), creates the virtual
# environment browser.venv (git-ignored) with a pinned selenium, starts the server in the background, waits for
# /health, runs Tests/Browser, saves a screenshot of every failing test into the folder it prints, and stops the
# server by its PID on exit. Environment: ACCORD_SCREENSHOTS (the folder for failure screenshots),
# ACCORD_BROWSER_SIZES (default "1280x800 390x844").
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
binary=${1:-.build/debug/accord}
selenium_version=4.50.0

for package in chromium chromium-driver python3-venv; do
    if ! dpkg -s "$package" >/dev/null 2>&1; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    fi
done

venv=browser.venv
if [ ! -x "$venv/bin/python" ]; then
    /usr/bin/python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
    "$venv/bin/pip" install --quiet "selenium==$selenium_version"
fi

if [ ! -x "$binary" ]; then
    swift build --product accord
fi

work=$(mktemp -d /tmp/accord-browser-XXXXXX)
screenshots=${ACCORD_SCREENSHOTS:-$work/screenshots}
mkdir -p "$screenshots"
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$binary" serve --port "$port" --database "$work/accord.sqlite" >"$work/server.log" 2>&1 &
server=$!
stop() {
    status=$?
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    if [ "$status" -ne 0 ]; then
        echo "browser tests: failed; the end of the server's log ($work/server.log):" >&2
        tail -n 40 "$work/server.log" >&2 || true
    fi
    exit "$status"
}
trap stop EXIT

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "browser tests: the server stopped before answering:" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null

echo "browser tests: server http://127.0.0.1:$port (PID $server); screenshots of failures go to $screenshots"
ACCORD_URL="http://127.0.0.1:$port" ACCORD_SCREENSHOTS="$screenshots" \
    "$venv/bin/python" -m unittest discover -s Tests/Browser -p 'test_*.py' -v
