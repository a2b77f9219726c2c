#!/usr/bin/env bash
# Times a whole tournament of ANL agents in Accord (through the NegMAS adapter, one process per negotiation and
# agent) against ANL's own tournament (`anl.anl2024_tournament`, NegMAS's cartesian_tournament underneath) on the
# same agents and the same GENIUS files, side by side. See docs/performance.md ("ANL agents: a whole tournament").
#
# Usage: scripts/compare-anl-tournament.sh [--steps N] [--jobs N] [--accord PATH] [--no-build]
#   --steps N     rounds (NegMAS steps) per negotiation (default 100)
#   --jobs N      1 (default): Accord --jobs 1 and NegMAS serial (njobs=-1); 2: Accord --jobs 2, NegMAS njobs=2
#   --accord PATH the accord binary (default .build/release/accord, built first unless --no-build)
# Prints one JSON line per tool: negotiations, agreements, wall-clock and CPU seconds (Accord: the whole process with
# its workers and the agents' processes; NegMAS: the tournament call, serial runs only), then how many negotiations
# ended the same in both (the same agreement in the same round).
#
# Agents: Shochan and UOAgent (ANL 2024's first and second, PyPI anl-agents 0.2.0) and NegMAS's Boulware and Conceder
# time-based negotiators. Scenarios: the bundled job-offer converted to GENIUS files by `accord convert` (its one
# red line cannot be written in GENIUS, so neither tool has it) and ANAC 2011's Laptop from ../shared/conformance,
# also rewritten by `accord convert`. Both tools read the same files; NegMAS ignores Laptop's discount factor (the
# adapter gives NegMAS negotiators undiscounted utilities; ANL has no discounting), Accord reports it as well.
# The Python environment is .venv-agents from scripts/ci/agent-venv.sh: NegMAS 0.16.0, anl and anl-agents without
# their dependencies.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

steps=100
jobs=1
accord=.build/release/accord
build=1
while (($#)); do
    case "$1" in
        --steps) steps="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --accord) accord="$2"; build=0; shift 2 ;;
        --no-build) build=0; shift ;;
        *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done

scripts/ci/agent-venv.sh > /dev/null
python=$root/.venv-agents/bin/python
if ((build)); then swift build -c release --product accord; fi

laptop=$(cd .. && pwd)/shared/conformance/genius/templates/anac/y2011/Laptop
[[ -d $laptop ]] || { echo "missing the ANAC files: $laptop" >&2; exit 1; }
work=$(mktemp -d /tmp/anl-compare.XXXXXX)
# Both scenarios are written by `accord convert`, so both tools read the same numbers: NegMAS reads the original
# Laptop profiles without GENIUS's normalisation (utilities from 10.5 to 30), Accord normalises them (at most 1).
"$accord" convert job-offer --to genius --out "$work/job-offer" > /dev/null
mv "$work/job-offer/"*"(two-party textbook case).xml" "$work/job-offer/job-offer-domain.xml"
"$accord" convert "$laptop/laptop_domain.xml" "$laptop/laptop_buyer_utility.xml" "$laptop/laptop_seller_utility.xml" \
    --to genius --out "$work/laptop" > /dev/null
scenarios=(
    "$work/job-offer/job-offer-domain.xml:$work/job-offer/candidate.xml:$work/job-offer/employer.xml"
    "$work/laptop/laptop_domain.xml:$work/laptop/laptop_buyer_utility.xml:$work/laptop/laptop_seller_utility.xml"
)
"$python" scripts/anl_tournament_bench.py "${scenarios[@]}" --steps "$steps" --print-spec > "$work/accord.yaml"
njobs=-1
((jobs > 1)) && njobs=$jobs

echo "== Accord: accord tournament --jobs $jobs ($work/accord.yaml)"
/usr/bin/time -f "%e %U %S" -o "$work/accord.time" "$accord" tournament "$work/accord.yaml" --out "$work/accord" \
    --progress none --jobs "$jobs" > /dev/null
"$python" - "$work/accord/negotiations.csv" "$work/accord.time" <<'EOF'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
wall, user, system = map(float, open(sys.argv[2]).read().split()[-3:])
print(json.dumps({"tool": "accord tournament", "negotiations": len(rows),
                  "agreements": sum(r["ending"] == "agreement" for r in rows),
                  "failed": sum(r["ending"] == "failed" for r in rows),
                  "seconds": round(wall, 2), "cpu_seconds (with the agents' processes)": round(user + system, 2),
                  "seconds_per_negotiation": round(wall / max(len(rows), 1), 4)}))
EOF
echo "== ANL: anl2024_tournament (njobs=$njobs)"
"$python" scripts/anl_tournament_bench.py "${scenarios[@]}" --steps "$steps" --njobs "$njobs" \
    --accord-results "$work/accord/negotiations.csv"
echo "(files in $work)"
