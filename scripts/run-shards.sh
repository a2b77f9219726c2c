#!/usr/bin/env bash
# Runs a tournament as N shard processes on this machine, then merges them (docs/scale-out.md).
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/run-shards.sh SPEC OUT N [--accord PATH] [--jobs-per-shard J]

Runs the tournament SPEC as N shard processes at once on this machine:
  accord tournament SPEC --out OUT/shard-k --shard k/N --jobs J --progress lines   (k = 1..N)
waits for all of them, then merges them:
  accord merge --out OUT/merged OUT/shard-1 ... OUT/shard-N
The merged folder holds the same files as an unsharded run, and the same summary byte for byte.

Running the same command again resumes: complete shards are kept, interrupted ones continue where they stopped.

Options:
  --accord PATH         The accord executable (default: $ACCORD, else accord on the PATH, else
                        .build/release/accord of this repository).
  --jobs-per-shard J    Negotiations each shard runs at once (default: the number of cores divided by N, at least 1).
  -h, --help            Show this help.

Exit status: 0 when all shards finished and merged; 2 for bad usage; otherwise the exit status of the first shard
that failed (130 when interrupted), or of accord merge.
EOF
}

fail_usage() {
    printf 'run-shards.sh: %s\n' "$1" >&2
    printf 'Usage: scripts/run-shards.sh SPEC OUT N [--accord PATH] [--jobs-per-shard J] (--help for more)\n' >&2
    exit 2
}

is_count() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }

accord="${ACCORD:-}"
jobs=""
positional=()
while (($# > 0)); do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --accord) (($# >= 2)) || fail_usage "--accord needs a path"; accord=$2; shift 2 ;;
        --accord=*) accord=${1#--accord=}; shift ;;
        --jobs-per-shard) (($# >= 2)) || fail_usage "--jobs-per-shard needs a number"; jobs=$2; shift 2 ;;
        --jobs-per-shard=*) jobs=${1#--jobs-per-shard=}; shift ;;
        --) shift; positional+=("$@"); break ;;
        -*) fail_usage "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done
((${#positional[@]} == 3)) || fail_usage "expected SPEC, OUT and N, got ${#positional[@]} argument(s)"
spec=${positional[0]}
out=${positional[1]}
shards=${positional[2]}

[[ -f $spec ]] || fail_usage "no specification file $spec"
is_count "$shards" || fail_usage "N must be a whole number of at least 1, not '$shards'"
if [[ -z $jobs ]]; then
    cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
    jobs=$((cores / shards))
    ((jobs >= 1)) || jobs=1
fi
is_count "$jobs" || fail_usage "--jobs-per-shard must be a whole number of at least 1, not '$jobs'"

if [[ -z $accord ]]; then
    if command -v accord >/dev/null 2>&1; then
        accord=accord
    else
        accord="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.build/release/accord"
    fi
fi
if ! command -v "$accord" >/dev/null 2>&1; then
    fail_usage "cannot run accord at '$accord'; build it (swift build -c release) or give --accord PATH"
fi

mkdir -p "$out"

# Copies standard input to standard error, each line prefixed with $1. It ignores INT and TERM so that it outlives
# its shard and passes on the shard's last lines.
prefix_lines() {
    trap '' INT TERM
    exec awk -v prefix="$1" '{ print prefix $0; fflush() }' >&2
}

# Start every shard in the background; each one's progress lines go to standard error, prefixed with its shard.
# Its own summary (standard output) is in OUT/shard-k/summary.txt, so it is not printed here.
pids=()
folders=()
for ((k = 1; k <= shards; k++)); do
    folder="$out/shard-$k"
    folders+=("$folder")
    "$accord" tournament "$spec" --out "$folder" --shard "$k/$shards" --jobs "$jobs" --progress lines \
        >/dev/null 2> >(prefix_lines "[shard $k/$shards] ") &
    pids+=("$!")
done
printf 'run-shards.sh: started %d shard(s) of %s, %d negotiation(s) at once each, into %s/shard-1..%d\n' \
    "$shards" "$spec" "$jobs" "$out" "$shards" >&2

# Ctrl-C reaches the shards directly; a TERM or INT sent to this script alone is passed on to them. Each shard then
# stops taking new negotiations and keeps what it recorded.
signalled=0
forward() {
    signalled=1
    kill -TERM "${pids[@]}" 2>/dev/null || true
}
trap forward INT TERM

# Sets code to the exit status of process $1. A trapped signal makes wait return early (above 128) while the shard
# still runs: then wait again; 127 means the first wait had already collected the real status.
wait_for() {
    code=0
    wait "$1" || code=$?
    while ((signalled)); do
        signalled=0
        local again=0
        wait "$1" 2>/dev/null || again=$?
        ((again == 127)) || code=$again
    done
}

failed=()
first_code=0
for ((k = 1; k <= shards; k++)); do
    wait_for "${pids[k - 1]}"
    if ((code != 0)); then
        failed+=("shard $k/$shards (exit $code)")
        ((first_code != 0)) || first_code=$code
    fi
done
trap - INT TERM
sleep 0.1 # let the last prefixed progress lines through

if ((${#failed[@]} > 0)); then
    printf 'run-shards.sh: %d of %d shard(s) did not finish:\n' "${#failed[@]}" "$shards" >&2
    for item in "${failed[@]}"; do printf '  %s\n' "$item" >&2; done
    printf 'run-shards.sh: their messages are above, prefixed [shard k/%d]; their folders are %s/shard-k\n' \
        "$shards" "$out" >&2
    printf 'run-shards.sh: nothing merged; fix the cause and run the same command again to resume.\n' >&2
    exit "$first_code"
fi

code=0
"$accord" merge --out "$out/merged" "${folders[@]}" >/dev/null || code=$?
if ((code != 0)); then
    printf 'run-shards.sh: accord merge failed (exit %d)\n' "$code" >&2
    exit "$code"
fi
printf 'run-shards.sh: merged %d shard(s) into %s\n' "$shards" "$out/merged"
printf 'Summary: %s/merged/summary.txt (also summary.md, summary.html, summary.json)\n' "$out"
