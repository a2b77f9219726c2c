#!/usr/bin/env bash
# The server benchmark of docs/performance.md: wrk -t2 -c64 against a release `accord serve` on a fresh SQLite file.
#   1. what-if requests for berlin-2025 for 20 s, a reservation slider dragged (Benchmarks/server/what-if.lua):
#      requests/s, latency percentiles, non-200 responses; then a weight slider dragged (what-if-weights.lua),
#      where every request needs a new Pareto frontier;
#   2. resident memory after 100,000 what-if requests;
#   3. stored analyses of job-offer for 20 s: every acknowledged (201) run must be in the store afterwards.
# Usage: scripts/bench-server.sh [path/to/accord]   (default: builds and uses .build/release/accord)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
accord=${1:-}
if [[ -z "$accord" ]]; then
  swift build -c release --product accord >/dev/null
  accord=.build/release/accord
fi
work=$(mktemp -d)
"$accord" serve --port 0 --database "$work/accord.sqlite" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q http "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.out")
echo "== server: $url (pid $pid), $(nproc) cores"
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }
echo "== 1. what-if, berlin-2025: wrk -t2 -c64 -d20s --latency"
wrk -t2 -c64 -d20s --latency -s Benchmarks/server/what-if.lua "$url"
echo "== 1b. what-if, a weight slider: wrk -t2 -c64 -d20s --latency"
wrk -t2 -c64 -d20s --latency -s Benchmarks/server/what-if-weights.lua "$url"
echo "== resident memory: $(rss)"
echo "== 2. 100,000 what-if requests"
done_requests=0
while (( done_requests < 100000 )); do
  out=$(wrk -t2 -c64 -d10s -s Benchmarks/server/what-if.lua "$url")
  count=$(echo "$out" | awk '/requests in/ {print $1}')
  done_requests=$(( done_requests + count ))
done
echo "requests so far: $done_requests; resident memory: $(rss)"
echo "== 3. stored analyses of job-offer: wrk -t2 -c64 -d20s --latency"
out=$(wrk -t2 -c64 -d20s --latency -s Benchmarks/server/analyses.lua "$url")
echo "$out"
created=$(echo "$out" | awk '/^created:/ {print $2}')
stored=$(sqlite3 "$work/accord.sqlite" "SELECT count(*) FROM run WHERE operation = 'analyze' AND status = 'succeeded'")
echo "acknowledged (201): $created; stored and succeeded: $stored"
if (( stored < created )); then echo "bench-server: $(( created - stored )) acknowledged runs are missing" >&2; exit 1; fi
echo "== resident memory at the end: $(rss)"
