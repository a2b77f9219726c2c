#!/usr/bin/env bash
# Writes the outputs of the bundled scenarios (analysis, evaluation, validation, simulation, tournament, forecast,
# conversion and the scenario list, in every format) into a folder, so that a refactoring can be checked to leave
# them byte-identical:  scripts/output-snapshot.sh .build/debug/accord /tmp/before; ...; diff -r /tmp/before /tmp/after
set -u
accord=${1:?usage: output-snapshot.sh ACCORD_BINARY OUT_DIR}
out=${2:?usage: output-snapshot.sh ACCORD_BINARY OUT_DIR}
accord=$(cd "$(dirname "$accord")" && pwd)/$(basename "$accord")
root=$(cd "$(dirname "$0")/.." && pwd)
conformance=$root/../shared/conformance
mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Progress lines depend on timing: none in the snapshot.
export ACCORD_PROGRESS_DELAY=86400
run() { # name, then the arguments; records stdout, stderr and the exit status
    local name=$1
    shift
    (cd "$scratch" && "$accord" "$@") >"$out/$name.out" 2>"$out/$name.err"
    echo $? >"$out/$name.status"
}
formats="text json markdown html"
for format in $formats; do
    run "scenarios.$format" scenarios --format "$format"
    run "validate-berlin.$format" validate --format "$format"
    for scenario in berlin-2025 job-offer synthetic-15k-2p; do
        run "analyze-$scenario.$format" analyze "$scenario" --format "$format"
        run "simulate-$scenario.$format" simulate "$scenario" --format "$format"
    done
    run "analyze-berlin-round11.$format" analyze --round 11 --format "$format"
    run "analyze-berlin-samples.$format" analyze --samples 500 --seed 7 --format "$format"
    run "evaluate-berlin.$format" evaluate --outcome guarantee=article5_like --format "$format"
    run "simulate-berlin-mediated.$format" simulate --mechanism mediated --mediator us --format "$format"
    run "forecast-berlin.$format" forecast --format "$format"
    run "forecast-ktab.$format" forecast "$conformance/ktab/dummyData_3Dim.csv" --format "$format"
done
run "simulate-berlin-trace" simulate --agents us=conceder --trace "$scratch/trace.jsonl"
cp "$scratch/trace.jsonl" "$out/simulate-berlin-trace.jsonl" 2>/dev/null
run "analyze-genius-folder.json" analyze "$conformance/genius/templates/anac/y2012/Car" --format json 2>/dev/null
run "analyze-rectangles.text" analyze "$conformance/genius/templates/anac/y2014/30issues" 
run "analyze-rectangles.json" analyze "$conformance/genius/templates/anac/y2014/30issues" --format json
run "analyze-rectangles.markdown" analyze "$conformance/genius/templates/anac/y2014/30issues" --format markdown
run "validate-bad.json" validate "$scratch/missing.yaml" --format json
printf 'accord: 1\nname: x\nissues: []\n' >"$scratch/bad.yaml"
run "validate-bad-file.json" validate "$scratch/bad.yaml" --format json
run "validate-bad-file.text" validate "$scratch/bad.yaml"
for target in accord-yaml accord-json genius geniusweb; do
    run "convert-$target" convert berlin-2025 --to "$target" --out "$scratch/convert-$target"
    for file in "$scratch/convert-$target"/*; do cp "$file" "$out/convert-$target-$(basename "$file")"; done
done
cat >"$scratch/spec.yaml" <<'SPEC'
accord_tournament: 1
name: snapshot
agents: [boulware, conceder, tit-for-tat]
deadline: {rounds: 200}
repetitions: 2
seed: 3
scenarios: [job-offer]
SPEC
run "tournament" tournament "$scratch/spec.yaml" --out "$scratch/t" --progress none --jobs 2
for file in "$scratch/t"/*; do
    case $(basename "$file") in progress.jsonl|genius-log.csv) ;; *) cp "$file" "$out/tournament-$(basename "$file")";; esac
done
for k in 1 2; do run "tournament-shard$k" tournament "$scratch/spec.yaml" --out "$scratch/s$k" --shard $k/2 --progress none; done
run "merge" merge "$scratch/s1" "$scratch/s2" --out "$scratch/m"
for file in "$scratch/m"/*; do
    case $(basename "$file") in progress.jsonl|genius-log.csv) ;; *) cp "$file" "$out/merge-$(basename "$file")";; esac
done
# Error sentences of the commands (one line each).
run "err-unknown-scenario" analyze nosuch
run "err-bad-outcome" evaluate --outcome nosuch=1
run "err-bad-mechanism" simulate --mechanism nosuch
run "err-bad-progress" tournament "$scratch/spec.yaml" --out "$scratch/e" --progress nosuch
run "err-bad-shard" tournament "$scratch/spec.yaml" --out "$scratch/e2" --shard 3/2
run "err-format" analyze --format nosuch
echo "wrote $(ls "$out" | wc -l) files to $out"
