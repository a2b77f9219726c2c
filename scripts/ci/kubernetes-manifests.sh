#!/usr/bin/env bash
# Kubernetes (issue #18): renders the manifests of `accord kubernetes tournament` and `accord kubernetes analyze` and
# validates them offline against Kubernetes's own schema (kubernetes-validate, pinned in scripts/ci/requirements.txt,
# which bundles the schemas: no cluster, no network). A deliberately broken manifest must fail, so a validator that
# accepts anything is caught. Nothing is applied to a cluster: none runs here (docs/scale-out.md says so).
#
# Usage: scripts/ci/kubernetes-manifests.sh [path/to/accord]   (default: .build/debug/accord, built when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/accord}
if [[ ! -x "$binary" ]]; then swift build --product accord; fi
venv=$(scripts/ci/python-venv.sh)
validate=("$venv/bin/kubernetes-validate" --strict --kubernetes-version 1.33.0)
work=$(mktemp -d /tmp/accord-k8s.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$binary" kubernetes tournament /data/tournament.yaml --shards 16 --cpus 2 --image registry.example.com/accord:1 \
    --out "$work/tournament"
"$binary" kubernetes analyze /data/berlin.yaml --samples 1000000 --seed 7 --shards 8 --memory 1536Mi \
    --image registry.example.com/accord:1 --claim shared-results --mount /mnt/accord --results /mnt/accord/mc \
    --out "$work/analysis"
"${validate[@]}" "$work"/tournament/*.yaml "$work"/analysis/*.yaml

# The manifests docs/scale-out.md shows (its ```yaml blocks) are checked too.
awk -v dir="$work/docs" 'BEGIN { system("mkdir -p " dir) } /^```yaml$/ { n++; on = 1; next } /^```$/ { on = 0 }
    on { print > (dir "/block-" n ".yaml") }' docs/scale-out.md
docs=("$work"/docs/block-*.yaml)
[[ ${#docs[@]} -ge 3 ]] || { echo "kubernetes-manifests: found ${#docs[@]} yaml blocks in docs/scale-out.md" >&2; exit 1; }
"${validate[@]}" "${docs[@]}"

sed 's/^  completions: 16$/  completions: sixteen/' "$work/tournament/accord-shards.yaml" >"$work/broken.yaml"
if "${validate[@]}" --quiet "$work/broken.yaml" >/dev/null 2>&1; then
    echo "kubernetes-manifests: the validator accepted a Job whose completions is not a number" >&2
    exit 1
fi
echo "kubernetes-manifests: 4 rendered manifests and ${#docs[@]} from docs/scale-out.md valid against Kubernetes 1.33's schema; a broken one refused"
