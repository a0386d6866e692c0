#!/usr/bin/env bash
# Packs every package (`dotnet pack -c Release -o artifacts/`), checks the library packages' metadata, installs the
# `mlpipe` tool from that folder into a temporary tool path and runs a small pipeline with it from a folder outside
# the clone (run, report, predict), as a user who installed the tool would. Part of .ci/run; about 2-3 minutes.
# Usage: tests/packaging/check_tool.sh [WORK_DIR]   (default: a new folder under /tmp)
# MLPIPE_RELEASE_BUILT=1: the Release build is current (.ci/run, right after `dotnet test -c Release`); pack it as built.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/mlpipe-tool-check.XXXXXX)}"
mkdir -p "$work"
artifacts="$repo/artifacts"

fail() { echo "check_tool: $*" >&2; exit 1; }

rm -rf "$artifacts"
pack_args=()
[ "${MLPIPE_RELEASE_BUILT:-0}" = 1 ] && pack_args+=(--no-build)
(cd "$repo" && dotnet pack -c Release -o artifacts/ --nologo -v quiet "${pack_args[@]}")

# Every library package and the tool, each with its symbols package.
for id in mlpipe MLPipelines.Neural MLPipelines.Trainers MLPipelines.Core MLPipelines.Data MLPipelines.Spec \
          MLPipelines.Results MLPipelines.Reports MLPipelines.Tuning MLPipelines.XGBoost MLPipelines.Serving MLPipelines.Cluster MLPipelines; do
    nupkg="$(ls "$artifacts/$id".[0-9]*.nupkg 2>/dev/null | head -1)"
    [ -n "$nupkg" ] || fail "no package $id in artifacts/"
    [ -f "${nupkg%.nupkg}.snupkg" ] || fail "no symbols package for $id"
    nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
    for field in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<authors>' '<description>' \
                 '<repository type="git"'; do
        grep -qF "$field" <<<"$nuspec" || fail "$id.nuspec lacks $field"
    done
    files="$(unzip -Z1 "$nupkg")"   # a variable, not a pipe: grep -q would cut unzip off (pipefail)
    grep -qx 'LICENSE' <<<"$files" || fail "$id package lacks the LICENSE file"
    grep -qx 'README.md' <<<"$files" || fail "$id package lacks README.md"
    echo "check_tool: $(basename "$nupkg") $(stat -c %s "$nupkg") bytes: metadata, licence, readme, symbols ok"
done
tool_nuspec="$(unzip -p "$artifacts"/mlpipe.[0-9]*.nupkg mlpipe.nuspec)"
grep -qF '<packageType name="DotnetTool" />' <<<"$tool_nuspec" || fail "mlpipe is not a tool package"

tools="$work/tools"
rm -rf "$tools"
# The exact version just packed, through an empty package cache: every pack is 0.1.0 until the version moves, and
# the machine-wide cache (~/.nuget/packages) would otherwise hand back an older mlpipe 0.1.0.
tool_version="$(basename "$(ls "$artifacts"/mlpipe.[0-9]*.nupkg)" .nupkg)"
tool_version="${tool_version#mlpipe.}"
NUGET_PACKAGES="$work/nuget-packages" dotnet tool install --tool-path "$tools" --add-source "$artifacts" \
    --version "$tool_version" mlpipe
mlpipe="$tools/mlpipe"

version="$("$mlpipe" --version)"
echo "check_tool: mlpipe --version: $version"
grep -qE '^[0-9]+\.[0-9]+\.[0-9]+.* \(commit [0-9a-f]{7,}\)$' <<<"$version" || fail "--version does not print version and commit: $version"

# A small pipeline from a folder that is not the clone: the installed tool must need nothing of the repository.
data="$work/data"
rm -rf "$data" && mkdir -p "$data"
cp "$repo/datasets/penguins.csv" "$data/"
cat > "$data/penguins.yaml" <<'YAML'
name: tool-check
data: {path: penguins.csv, label: species}
evaluation: {method: kfold, folds: 3, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20, threads: 1}}
  - {name: mlp, trainer: mlp, options: {epochs: 5, hidden_layers: [16]}}
report: {feature_importance: false}
YAML
cd "$data"
"$mlpipe" validate penguins.yaml
"$mlpipe" run penguins.yaml --out run --quiet
for f in results.json report.md report.html models/lightgbm.zip models/mlp.zip; do
    [ -s "run/$f" ] || fail "the installed tool's run lacks $f"
done
"$mlpipe" predict --model run/models/mlp.zip --input penguins.csv --output predictions.csv
rows="$(($(wc -l < predictions.csv) - 1))"
[ "$rows" -eq "$(($(wc -l < penguins.csv) - 1))" ] || fail "predict wrote $rows rows"

# mlpipe serve from the installed tool (it needs the ASP.NET Core shared framework, which every SDK has): the run
# folder on a free loopback port, the same CSV posted to the MLP, as many predictions back.
"$mlpipe" serve run --port 0 > serve.log 2>&1 &
serve_pid=$!
url=""
for _ in $(seq 1 600); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' serve.log | head -1 || true)"
    [ -n "$url" ] && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.2
done
[ -n "$url" ] || { kill "$serve_pid" 2>/dev/null || true; cat serve.log >&2; fail "mlpipe serve did not start"; }
served="$(python3 - "${url}predict/mlp" penguins.csv <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1], data=open(sys.argv[2], "rb").read(), headers={"Content-Type": "text/csv"})
print(len(json.load(urllib.request.urlopen(request, timeout=120))["predictions"]))
PY
)" || { kill "$serve_pid"; fail "POST ${url}predict/mlp failed"; }
kill -TERM "$serve_pid"
wait "$serve_pid" || fail "mlpipe serve did not stop cleanly on SIGTERM"
[ "$served" -eq "$rows" ] || fail "mlpipe serve answered $served predictions for $rows rows"
echo "check_tool: installed mlpipe ran a pipeline, predicted $rows rows and served them over HTTP in $data"
