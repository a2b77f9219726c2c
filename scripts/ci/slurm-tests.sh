#!/usr/bin/env bash
# Scale-out on a real batch engine (issue #18): a single-node Slurm cluster (scripts/ci/slurm.sh) runs
# `accord slurm tournament`, and the results are checked against an unsharded run.
#
# Usage: scripts/ci/slurm-tests.sh [path/to/accord]   (default: .build/debug/accord, built when missing)
#
#  1. A tournament split over 4 array tasks plus the dependent merge job (--wait) gives negotiations.csv,
#     negotiations.jsonl and summary.{txt,md,html,json} byte-identical (cmp) to `accord tournament` without shards.
#  2. A shard cancelled with scancel in the middle of its run makes `--wait` fail naming that shard and its log, the
#     merge does not run; submitting again skips the complete shards, resumes the cancelled one, and the merged files
#     are again byte-identical to the unsharded run.
#  3. `accord slurm analyze`: an analysis's Monte Carlo draws in 4 array tasks plus the merge job give
#     merged/analysis.txt and merged/analysis.json byte-identical to one unsharded `accord analyze`; submitting again
#     skips every shard and only merges.
# The cluster is started in a temporary folder and every daemon stopped by its PID on exit; on failure the Slurm
# logs and the jobs' logs are printed. Needs root (as in CI).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
binary=${1:-.build/debug/accord}
if [[ $(id -u) -ne 0 ]]; then
    # A missing service is a failure in CI and a skip elsewhere.
    if [[ "${CI:-}" == "true" ]]; then
        echo "slurm-tests: needs root to start Slurm's daemons" >&2
        exit 1
    fi
    echo "slurm-tests: skipped, needs root to start Slurm's daemons (run as root, as CI does)" >&2
    exit 0
fi
if [[ ! -x "$binary" ]]; then swift build --product accord; fi
accord=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

work=$(mktemp -d /tmp/accord-slurm-tests.XXXXXX)
chmod 755 "$work" # munged runs as the munge user and must reach its folder inside
cluster="$work/cluster"
status=1
finish() {
    if [[ $status -ne 0 ]]; then
        echo "slurm-tests: FAILED; the Slurm logs and the jobs' logs:" >&2
        scripts/ci/slurm.sh logs "$cluster" || true
        for log in "$work"/*/logs/*.out; do
            [[ -f "$log" ]] || continue
            echo "----- $log" >&2
            tail -n 30 "$log" >&2
        done
    fi
    scripts/ci/slurm.sh stop "$cluster" || true
    rm -rf "$work"
}
trap finish EXIT

fail() {
    echo "slurm-tests: $*" >&2
    exit 1
}

# Every `--wait` is bounded, so a job that never ends fails the test instead of hanging CI.
started=$(date +%s)
env_file=$(scripts/ci/slurm.sh start "$cluster") || fail "the cluster did not start"
# shellcheck source=/dev/null
source "$env_file"
echo "slurm-tests: cluster up in $(($(date +%s) - started)) s"
sinfo

echo "== 0. the batch engine's own overhead: an array of 4 empty tasks and a dependent empty job"
t0=$(date +%s%N)
empty_array=$(sbatch --parsable --array=1-4 --output=/dev/null --wrap true)
empty_merge=$(sbatch --parsable --dependency=afterok:"$empty_array" --output=/dev/null --wrap true)
for _ in $(seq 1 600); do
    scontrol show job --oneliner "$empty_merge" 2>/dev/null | grep -q "JobState=COMPLETED" && break
    sleep 0.05
done
t1=$(date +%s%N)
scontrol show job --oneliner "$empty_merge" | grep -q "JobState=COMPLETED" || fail "the empty jobs did not complete"
echo "slurm-tests: 4 empty array tasks and a dependent empty job submitted and ended in $(((t1 - t0) / 1000000)) ms"

# 18 negotiations, a fraction of a second each: the byte-for-byte check.
cat >"$work/small.yaml" <<'YAML'
accord_tournament: 1
name: Slurm CI
agents: [boulware, conceder, tit-for-tat]
scenarios: [job-offer]
deadline: {rounds: 60}
repetitions: 2
seed: 5
YAML
# Long enough per shard (a few seconds) to cancel one in the middle.
cat >"$work/long.yaml" <<'YAML'
accord_tournament: 1
name: Slurm CI, long
agents: [boulware, conceder, tit-for-tat, hardliner]
scenarios: [job-offer]
deadline: {rounds: 20000}
repetitions: 10
seed: 11
YAML

files=(negotiations.csv negotiations.jsonl summary.txt summary.md summary.html summary.json)

same_files() {
    local merged=$1 whole=$2 file
    for file in "${files[@]}"; do
        cmp "$merged/$file" "$whole/$file" || fail "$merged/$file differs from the unsharded run's"
    done
    echo "slurm-tests: ${files[*]} in $merged are byte-identical to the unsharded run's"
}

echo "== 1. four array tasks and the merge job against the unsharded run"
"$accord" tournament "$work/small.yaml" --out "$work/small-whole" --quiet >/dev/null
t0=$(date +%s%N)
timeout 150 "$accord" slurm tournament "$work/small.yaml" --out "$work/small" --shards 4 --wait --progress none
t1=$(date +%s%N)
echo "slurm-tests: submitted, run and merged in $(((t1 - t0) / 1000000)) ms"
same_files "$work/small/merged" "$work/small-whole"

echo "== 2. a shard cancelled in the middle of its run, then resubmitted"
"$accord" tournament "$work/long.yaml" --out "$work/long-whole" --quiet >/dev/null
set +e
timeout 150 "$accord" slurm tournament "$work/long.yaml" --out "$work/long" --shards 4 --wait --progress none \
    >"$work/first.out" 2>"$work/first.err" &
first=$!
set -e
array=""
for _ in $(seq 1 300); do
    array=$(sed -n 's/^shards .* array job \([0-9]*\) .*/\1/p' "$work/first.out" 2>/dev/null || true)
    log="$work/long/shard-2/progress.jsonl"
    if [[ -n "$array" && -f "$log" ]] && grep -q '^{"id":' "$log"; then break; fi
    sleep 0.1
done
[[ -n "$array" ]] || fail "no array job id in: $(cat "$work/first.out")"
[[ ! -f "$work/long/shard-2/summary.txt" ]] || fail "shard 2 finished before it could be cancelled"
recorded=$(grep -c '^{"id":' "$work/long/shard-2/progress.jsonl")
echo "slurm-tests: scancel ${array}_2 after $recorded of its negotiations"
scancel "${array}_2"
if wait "$first"; then fail "--wait succeeded though shard 2 was cancelled"; fi
cat "$work/first.out"
cat "$work/first.err"
grep -q "shard 2 (CANCELLED; log $work/long/logs/shard-2.out)" "$work/first.err" ||
    fail "the failure does not name shard 2 and its log"
[[ ! -e "$work/long/merged/summary.txt" ]] || fail "the merge ran though shard 2 was cancelled"
timeout 150 "$accord" slurm tournament "$work/long.yaml" --out "$work/long" --shards 4 --wait --progress none | tee "$work/second.out"
grep -q "^shards complete already, skipped: 1,3-4$" "$work/second.out" || fail "the complete shards were not skipped"
grep -q "^shards 2 of 4: array job" "$work/second.out" || fail "shard 2 was not resubmitted alone"
same_files "$work/long/merged" "$work/long-whole"

echo "== 3. Monte Carlo draws in four array tasks and the merge job against the unsharded analysis"
mc=(berlin-2025 --samples 4000 --seed 7)
t0=$(date +%s%N)
"$accord" analyze "${mc[@]}" --progress none >"$work/mc-whole.txt"
"$accord" analyze "${mc[@]}" --format json --progress none >"$work/mc-whole.json"
t1=$(date +%s%N)
timeout 150 "$accord" slurm analyze "${mc[@]}" --out "$work/mc" --shards 4 --wait --progress none
t2=$(date +%s%N)
echo "slurm-tests: unsharded (text and JSON) in $(((t1 - t0) / 1000000)) ms; submitted, run and merged in $(((t2 - t1) / 1000000)) ms"
cmp "$work/mc/merged/analysis.txt" "$work/mc-whole.txt" || fail "the merged text report differs from the unsharded one"
cmp "$work/mc/merged/analysis.json" "$work/mc-whole.json" || fail "the merged JSON report differs from the unsharded one"
echo "slurm-tests: merged/analysis.txt and merged/analysis.json are byte-identical to the unsharded analysis's"
rm "$work/mc/merged/analysis.json"
timeout 150 "$accord" slurm analyze "${mc[@]}" --out "$work/mc" --shards 4 --wait --progress none | tee "$work/mc-again.out"
grep -q "^shards complete already, skipped: 1-4$" "$work/mc-again.out" || fail "the complete shards were not skipped"
cmp "$work/mc/merged/analysis.json" "$work/mc-whole.json" || fail "the merge of the skipped shards differs"

echo "slurm-tests: passed in $(($(date +%s) - started)) s"
status=0
