#!/usr/bin/env bash
# Measures, side by side in one run and pinned to one core, the whole `accord analyze FILE --format json` process
# (start-up, parsing, analysis, JSON output) against NegMAS's pareto_frontier + nash_points inside an already
# running Python (scripts/negmas_bench.py), on the bundled 10^6-outcome synthetic domains. Prints both medians,
# the ratio, and whether the two tools agree on the Nash point. See docs/performance.md.
#
# Usage: scripts/compare-negmas.sh [options] [SCENARIO.yaml ...]
#   --runs N           hyperfine runs per scenario (default 20, at least 10)
#   --warmup N         hyperfine warm-up runs (default 3)
#   --repeats N        NegMAS timed runs per scenario (default 5)
#   --cpu N            the core to pin both tools to with taskset (default 0)
#   --accord PATH      the accord binary (default .build/release/accord, built first unless --no-build)
#   --no-build         do not run `swift build -c release --product accord` first
# Environment: NEGMAS_PYTHON  a Python with negmas installed (default: python3)
#
# Needs: hyperfine and taskset (Debian: `apt-get install -y hyperfine util-linux`), and a Python with negmas
# (`python3 -m venv /tmp/negmas-venv && /tmp/negmas-venv/bin/pip install negmas`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs=20
warmup=3
repeats=5
cpu=0
accord=".build/release/accord"
build=1
files=()
python="${NEGMAS_PYTHON:-python3}"

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        --cpu) cpu="$2"; shift 2 ;;
        --accord) accord="$2"; build=0; shift 2 ;;
        --no-build) build=0; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "compare-negmas: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) files+=("$1"); shift ;;
    esac
done
if ((${#files[@]} == 0)); then
    files=(
        Sources/AccordFormats/Resources/Scenarios/synthetic-1m-2p.yaml
        Sources/AccordFormats/Resources/Scenarios/synthetic-1m.yaml
    )
fi
if ((runs < 10)); then echo "compare-negmas: --runs must be at least 10" >&2; exit 2; fi

for tool in hyperfine taskset; do
    if ! command -v "$tool" > /dev/null; then
        echo "compare-negmas: $tool not found (apt-get install -y hyperfine util-linux)" >&2
        exit 2
    fi
done
if ! "$python" -c 'import negmas' 2> /dev/null; then
    echo "compare-negmas: '$python' cannot import negmas; set NEGMAS_PYTHON to a Python that has it" >&2
    exit 2
fi

if ((build)); then
    echo "== swift build -c release --product accord"
    swift build -c release --product accord 2>&1 | grep -v -E "^warning: 'main': Source files for target" | tail -n 3
fi
[[ -x "$accord" ]] || { echo "compare-negmas: $accord is not an executable" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== machine"
echo "date:       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu:        $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc $(nproc), pinned to core $cpu"
echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "kernel:     $(uname -r)"
echo "swift:      $(swift --version 2>&1 | head -n 1)"
echo "accord:     $accord (built $(date -u -r "$accord" +%Y-%m-%dT%H:%M:%SZ))"
echo "work tree:  $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ', Sources modified')"
echo "hyperfine:  $(hyperfine --version)"
echo "negmas:     $("$python" -c 'import negmas, platform; print(negmas.__version__, "on Python", platform.python_version())')"

summary=()
status=0
for file in "${files[@]}"; do
    name="$(basename "$file" .yaml)"
    echo
    echo "== $name: accord analyze --format json, whole process (hyperfine, taskset -c $cpu)"
    "$accord" analyze "$file" --format json > "$work/$name.accord.json"
    taskset -c "$cpu" hyperfine -N --style basic --warmup "$warmup" --runs "$runs" --output null \
        --export-json "$work/$name.hyperfine.json" \
        "$(printf '%q analyze %q --format json' "$accord" "$file")"

    echo
    echo "== $name: NegMAS pareto_frontier + nash_points in a running Python (taskset -c $cpu, $repeats runs)"
    taskset -c "$cpu" "$python" scripts/negmas_bench.py "$file" --repeats "$repeats" > "$work/$name.negmas.out"
    sed -n '2,$p' "$work/$name.negmas.out"
    head -n 1 "$work/$name.negmas.out" > "$work/$name.negmas.json"

    echo
    line="$("$python" - "$name" "$work" << 'EOF'
import json, sys
name, work = sys.argv[1], sys.argv[2]
accord = json.load(open(f"{work}/{name}.accord.json"))
timing = json.load(open(f"{work}/{name}.hyperfine.json"))["results"][0]
negmas = json.load(open(f"{work}/{name}.negmas.json"))
parties = [p["id"] for p in accord["parties"]]
a_med, a_min, a_sd = timing["median"], timing["min"], timing["stddev"]
n_med, n_min = negmas["total_s"]["median"], negmas["total_s"]["min"]
ratio = n_med / a_med
nash = accord["solutions"]["nash"]
a_nash = [round(nash["utilities"][p], 6) for p in parties] if nash else None
n_nash = [p["utilities"] for p in negmas["nash_points"]]
agree = a_nash is not None and any(all(abs(x - y) <= 1e-6 for x, y in zip(a_nash, n)) for n in n_nash)
same_outcome = nash is not None and any(p["outcome"] == nash["outcome"] for p in negmas["nash_points"])
print(f"{name}: {len(parties)} parties | accord median {a_med * 1000:.1f} ms (min {a_min * 1000:.1f}, sd "
      f"{a_sd * 1000:.1f}, {len(timing['times'])} runs) | negmas median {n_med:.3f} s (min {n_min:.3f}) | "
      f"ratio {ratio:.0f}x ({'meets' if ratio >= 100 else 'MISSES'} 100x) | frontier accord {len(accord['pareto'])} "
      f"vs negmas {negmas['frontier_size']} | Nash accord "
      + ", ".join(f"{p}={u:.6f}" for p, u in zip(parties, a_nash or []))
      + f" vs negmas {n_nash}: {'agree' if agree else 'DIFFER'}"
      + f" ({'same outcome' if same_outcome else 'different outcome'})")
sys.exit(0 if ratio >= 100 and agree else 1)
EOF
)" || status=1
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$status"
