#!/usr/bin/env bash
# Measures, side by side and pinned to one core, Accord's negotiation rounds per second against NegMAS's
# SAOMechanism with two Boulware agents, on the 15,625-outcome bilateral domain synthetic-15k-2p. Prints both rates,
# the ratio, and both tools' session setup times. See docs/performance.md ("Simulation").
#
# Usage: scripts/compare-negmas-simulation.sh [--cpu N] [--sessions N]
#   --cpu N        the core to pin both tools to with taskset (default 0)
#   --sessions N   NegMAS sessions to time (default 5)
# Environment: NEGMAS_PYTHON  a Python with negmas installed (default: python3)
#
# Accord's side is the ordo-one benchmark target Benchmarks/Simulation (release build, no trace); the number of
# rounds of its Boulware-vs-Boulware session comes from `accord simulate ... --format json`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cpu=0
sessions=5
python="${NEGMAS_PYTHON:-python3}"
while (($#)); do
    case "$1" in
        --cpu) cpu="$2"; shift 2 ;;
        --sessions) sessions="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
scenario=Sources/AccordFormats/Resources/Scenarios/synthetic-15k-2p.yaml

swift build -c release --product accord >/dev/null
rounds=$(.build/release/accord simulate "$scenario" --agents a=boulware,b=boulware --rounds 1000 --format json \
    | "$python" -c 'import json,sys; print(json.load(sys.stdin)["round"])')

bench=$(cd Benchmarks && taskset -c "$cpu" swift package --disable-sandbox benchmark --target Simulation 2>/dev/null)
p50() { # the p50 column of the wall-clock row after the benchmark's title
    printf '%s\n' "$bench" | awk -v title="$1" '
        index($0, title) == 1 { found = 1 }
        found && /Time \(wall clock\)/ { split($0, cells, "│"); gsub(/ /, "", cells[5]); print cells[5]; exit }'
}
bb=$(p50 "Boulware vs Boulware, 1,000 rounds")
bh=$(p50 "Boulware vs Hardliner, 100,000 rounds")
setup=$(p50 "Domain setup")

negmas=$(taskset -c "$cpu" "$python" scripts/negmas_simulation_bench.py "$scenario" --sessions "$sessions")
"$python" - "$rounds" "$bb" "$bh" "$setup" "$negmas" <<'PY'
import json, sys
rounds, bb, bh, setup = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
negmas = json.loads(sys.argv[5])
accord_bb = rounds / (bb * 1e-6)
accord_bh = 100_000 / (bh * 1e-6)
print(f"Accord  Boulware vs Boulware: {rounds} rounds in {bb:.0f} µs (p50) = {accord_bb:,.0f} rounds/s")
print(f"Accord  Boulware vs Hardliner: 100,000 rounds in {bh:.0f} µs (p50) = {accord_bh:,.0f} rounds/s")
print(f"Accord  domain setup (utility table + sorted outcomes): {setup / 1000:.2f} ms (p50)")
print(f"NegMAS  {negmas['negmas']} Boulware vs Boulware: {negmas['steps_per_second_median']:,.0f} steps/s "
      f"({negmas['steps_played'][0]} steps), setup {negmas['setup_ms_median']} ms")
print(f"Ratio (Boulware vs Boulware rounds/s): {accord_bb / negmas['steps_per_second_median']:,.0f}x")
PY
