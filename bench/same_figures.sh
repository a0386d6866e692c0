#!/usr/bin/env bash
# Same figures before and after a change: builds two revisions of this repository in temporary worktrees, runs the
# same example pipelines with each (same spec, same seed) and compares every figure of the run folders exactly
# (bench/same_figures_compare.py: results.json without timings, resolved.yaml, predictions/*.csv byte for byte).
#
#   bench/same_figures.sh REV_A REV_B [SPEC...]      e.g. bench/same_figures.sh 97f8eed HEAD
#   bench/same_figures.sh 97f8eed .                  "." = the current working tree, uncommitted changes included
#
# Default specs: the fast examples (telco_churn, credit, diamonds, letter) and the committed Fashion-MNIST subset
# (CNN, MLP, LightGBM, linear); MLPIPE_SAME_FIGURES_MLP=1 adds telco_churn-mlp.yaml and credit-mlp.yaml. Runs of a
# committed revision are cached under $MLPIPE_SAME_FIGURES_DIR (default /tmp/mlpipe-same-figures) by commit id, so
# comparing a fixed baseline again only runs the new side. Exit 0 when every figure is equal, 1 otherwise.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
rev_a=$1
rev_b=$2
shift 2

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${MLPIPE_SAME_FIGURES_DIR:-/tmp/mlpipe-same-figures}
mkdir -p "$work"

specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
    specs=(pipelines/telco_churn.yaml pipelines/credit.yaml pipelines/diamonds.yaml pipelines/letter.yaml
           pipelines/fashion-mnist-subset.yaml)
    if [ "${MLPIPE_SAME_FIGURES_MLP:-0}" = 1 ]; then
        specs+=(pipelines/telco_churn-mlp.yaml pipelines/credit-mlp.yaml)
    fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

label() { if [ "$1" = . ]; then echo "worktree"; else git -C "$repo" rev-parse --short=12 "$1^{commit}"; fi; }

# Prints the folder holding the checkout of REV ("." = the working tree itself); builds its CLI into $work/bin-LABEL.
prepare() {
    local rev=$1 tree
    if [ "$rev" = . ]; then
        tree=$repo
    else
        local sha
        sha=$(git -C "$repo" rev-parse --verify "$rev^{commit}")
        tree=$work/tree-$sha
        if [ ! -d "$tree" ]; then
            git -C "$repo" worktree add --detach "$tree" "$sha" >&2
        fi
    fi

    echo "building $rev in $tree" >&2
    dotnet build -c Release "$tree/src/MLPipelines.Cli/MLPipelines.Cli.csproj" -o "$work/bin-$(label "$rev")" -v q -nologo >&2
    echo "$tree"
}

# Runs SPEC from TREE with the CLI in BIN into OUT (skipped when OUT already holds a run of a committed revision).
run_spec() {
    local tree=$1 bin=$2 spec=$3 out=$4 cached=$5
    if [ "$cached" = 1 ] && [ -f "$out/results.json" ]; then
        echo "  cached: $out" >&2
        return
    fi

    rm -rf "$out"
    mkdir -p "$(dirname "$out")"
    local started=$SECONDS
    (cd "$tree" && dotnet "$bin/mlpipe.dll" run "$spec" --out "$out" --quiet >/dev/null)
    echo "  $spec: $((SECONDS - started)) s" >&2
}

tree_a=$(prepare "$rev_a")
tree_b=$(prepare "$rev_b")
label_a=$(label "$rev_a")
label_b=$(label "$rev_b")
cached_a=$([ "$rev_a" = . ] && echo 0 || echo 1)
cached_b=$([ "$rev_b" = . ] && echo 0 || echo 1)

status=0
for spec in "${specs[@]}"; do
    name=$(basename "$spec" .yaml)
    out_a=$work/runs-$label_a/$name
    out_b=$work/runs-$label_b/$name
    echo "$spec" >&2
    run_spec "$tree_a" "$work/bin-$label_a" "$spec" "$out_a" "$cached_a"
    run_spec "$tree_b" "$work/bin-$label_b" "$spec" "$out_b" "$cached_b"
    python3 "$repo/bench/same_figures_compare.py" "$out_a" "$out_b" "$tree_a" "$tree_b" || status=1
done

if [ $status = 0 ]; then
    echo "SAME FIGURES: $label_a and $label_b agree on ${#specs[@]} pipeline(s)"
else
    echo "DIFFERENT FIGURES between $label_a and $label_b (see above)"
fi

exit $status
