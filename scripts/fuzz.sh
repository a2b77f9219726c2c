#!/usr/bin/env bash
# Coverage-guided fuzzing of Accord's readers with libFuzzer (issue #15).
#
#   scripts/fuzz.sh TARGET [SECONDS]     run one target for SECONDS (default 60)
#   scripts/fuzz.sh all [SECONDS]        run every target for SECONDS each
#   scripts/fuzz.sh list                 name the targets
#
# Targets are the files in Fuzz/ (one libFuzzer entry point each): scenario (Accord YAML/JSON), genius (GENIUS
# domain and profile XML), geniusweb (GeniusWeb JSON), ktab (KTAB CSV), tournament (tournament specification),
# json (the JSON parser behind the HTTP API's request bodies), body (every JSON request body of the HTTP API, from its
# text to the Kit request the route builds: Sources/AccordServer/Bodies is compiled into the target, no server is
# started; the seeds are the JSON bodies of the server tests, each under the route it was sent to). The library modules are built with
# `-sanitize=fuzzer,address` into .build-fuzz (never committed); the seed corpus is made at run time from the
# bundled scenarios and, when present, ../shared/conformance (never copied into the repository). New inputs that
# reach new code are kept in .build-fuzz/corpus/TARGET for the next run.
#
# A run fails (non-zero exit, the input saved as .build-fuzz/artifacts/TARGET-crash-…, -timeout-… or -oom-…) on a
# crash or sanitizer report, on an input taking over 2 s, or on memory over 2 GB. Reproduce a finding with
# `.build-fuzz/debug/fuzz-TARGET FILE`, minimise it with `-minimize_crash=1 -runs=10000 FILE`, and make it a
# regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/.build-fuzz"
targets=$(cd Fuzz && ls *.swift | sed 's/\.swift$//')

usage() { echo "usage: scripts/fuzz.sh TARGET|all|list [SECONDS]; targets: $(echo $targets)" >&2; exit 2; }
[ $# -ge 1 ] || usage
case "$1" in
list) echo "$targets"; exit 0 ;;
all) chosen=$targets ;;
*) [ -f "Fuzz/$1.swift" ] || usage; chosen=$1 ;;
esac
seconds=${2:-60}

# The package checkouts of the ordinary build, when there is one, so that nothing is fetched again.
if [ ! -d "$build/checkouts" ] && [ -d .build/checkouts ]; then
    mkdir -p "$build" && cp -a .build/checkouts .build/repositories "$build"/ 2>/dev/null || true
fi

# The library modules the targets import, instrumented: AccordFormats and what it depends on, and AccordKit (with
# everything below it) when the body target is chosen.
library=AccordFormats
case " $(echo $chosen) " in *" body "*) library=AccordKit ;; esac
echo "== building $library with -sanitize=fuzzer,address into .build-fuzz" >&2
swift build --build-path "$build" --target $library -Xswiftc -sanitize=fuzzer,address >&2
products="$build/debug"
package_name=$(grep -o -- '-package-name","[^"]*' "$build/debug.yaml" | head -1 | sed 's/.*","//')
# Every object built there (the closure of AccordFormats), and the module maps of its C modules (CYaml, numerics).
objects=$(find "$products/" -path '*.build/*' -name '*.o' | sort)
module_maps=$(for module in $(echo "$objects" | grep '\.c\.o$' | sed 's|\.build/.*||; s|.*/||' | sort -u); do
    find "$build/checkouts" -path "*/Sources/$module/include/module.modulemap" | sed 's/^/-Xcc -fmodule-map-file=/'
done)

# The seed corpus of a target, made afresh from files outside the repository's history.
seeds() {
    local target=$1 dir="$build/seeds/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    local conformance="$root/../shared/conformance"
    [ -d "$conformance" ] || conformance=/work/shared/conformance
    case $target in
    scenario) cp Sources/AccordFormats/Resources/Scenarios/*.yaml "$dir"/ ;;
    tournament)
        printf 'accord_tournament: 1\nname: T\nagents: [boulware, {id: fast, agent: "conceder(ac=combi;T=0.9)"}]\n%s\n' \
            'scenarios: [job-offer]
deadline: {rounds: 200}
repetitions: 3
roles: fixed
self_play: false
seed: 9
time_limit: 5' >"$dir/spec.yaml"
        ;;
    genius)
        [ -d "$conformance/genius" ] && find "$conformance/genius" -name '*.xml' -size -64k | head -200 |
            while read -r file; do cp "$file" "$dir/$(echo "$file" | md5sum | cut -c1-12).xml"; done
        ;;
    geniusweb | json)
        [ -d "$conformance/genius" ] && find "$conformance/genius" -name '*.json' -size -64k |
            while read -r file; do cp "$file" "$dir/"; done
        printf '%s' '{"LinearAdditiveUtilitySpace":{"issueUtilities":{"price":{"DiscreteValueSetUtilities":{"valueUtilities":{"low":1,"high":0}}}},"issueWeights":{"price":1},"domain":{"name":"d","issuesValues":{"price":{"values":["low","high"]}}},"name":"p","reservationBid":{"issuevalues":{"price":"high"}}}}' >"$dir/profile.json"
        printf '%s' '{"name":"d","issuesValues":{"price":{"values":["low","high"]},"km":{"interval":[0,10]}}}' >"$dir/domain.json"
        ;;
    ktab) [ -d "$conformance/ktab" ] && cp "$conformance"/ktab/*.csv "$dir"/ ;;
    body) python3 - "$dir" <<'PYTHON' ;;
import pathlib, re, sys
# Each JSON body literal of the server tests, under the route of the nearest address above it (all routes if none).
routes = ["analyses", "evaluations", "what-if", "simulations", "forecasts", "tournaments", "rooms", "preferences",
          "credentials", "proposals"]
out, count = pathlib.Path(sys.argv[1]), 0
for test in sorted(pathlib.Path("Tests/AccordServerTests").glob("*.swift")):
    lines = test.read_text().splitlines()
    for number, line in enumerate(lines):
        for body in re.findall(r'#"(\{.*?\})"#', line):
            near = " ".join(lines[max(0, number - 12):number + 1])
            found = [route for route in routes if "/" + route in near or "/api/v1/" + route in near]
            for route in found[-1:] or routes:
                count += 1
                (out / f"{route}-{count}").write_text(route + "\n" + body)
for route, body in [("tournaments", '{"specification": {"agents": ["boulware", "conceder"], "scenarios": ["job-offer"], '
                     '"deadline": {"rounds": 50}, "repetitions": 1}}'),
                    ("tournaments", '{"specification": "accord_tournament: 1\\nagents: [boulware]\\nscenarios: [job-offer]"}'),
                    ("rooms", '{"scenarioId": "job-offer", "disclosure": {"zoneCount": true}, "fairness": "nash"}'),
                    ("simulations", '{"scenario": "job-offer", "mechanism": "alternating", "rounds": 20, "seed": 3}'),
                    ("forecasts", '{"scenario": "berlin-2025", "seed": 1}')]:
    count += 1
    (out / f"{route}-{count}").write_text(route + "\n" + body)
PYTHON
    esac
    printf 'x' >"$dir/minimal"
    echo "$dir"
}

status=0
for target in $chosen; do
    binary="$products/fuzz-$target"
    echo "== building fuzz-$target" >&2
    # shellcheck disable=SC2086
    # The body target compiles the server's body-reading files (they import no HTTP type) into itself.
    extra=()
    [ "$target" = body ] && extra=(-module-name FuzzBody Sources/AccordServer/Bodies/*.swift)
    swiftc -sanitize=fuzzer,address -parse-as-library -package-name "$package_name" -I "$products/Modules" \
        -I "$products" $module_maps "Fuzz/$target.swift" "${extra[@]}" $objects -o "$binary" 2>&1 |
        grep -v 'ld.gold: warning: Cannot export local symbol' >&2 || true
    [ -x "$binary" ] || { echo "fuzz-$target did not build" >&2; exit 1; }
    corpus="$build/corpus/$target"
    mkdir -p "$corpus" "$build/artifacts"
    seed_dir=$(seeds "$target")
    echo "== fuzzing $target for ${seconds}s" >&2
    if ! "$binary" "$corpus" "$seed_dir" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
        >"$build/$target.log" 2>&1; then
        echo "fuzz-$target FAILED; the input is in $build/artifacts/, the log in $build/$target.log:" >&2
        grep -E 'ERROR|SUMMARY|Fatal error|Test unit written|timeout|out-of-memory' "$build/$target.log" | head -20 >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|cov:' "$build/$target.log" | tail -3 >&2
    fi
done
exit $status
