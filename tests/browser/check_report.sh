#!/usr/bin/env bash
# Browser check of the HTML reports, called by .ci/run (and runnable by hand):
#   1. installs what is missing: Debian's chromium, node/npm, playwright-core (npm ci; it never downloads a browser);
#   2. makes real runs with the mlpipe CLI on small data: binary (breast cancer, k-fold), multiclass (iris, repeated
#      k-fold) and regression (every 10th row of diamonds, one holdout split), each with a small MLP so that learning curves show;
#      images (the committed Fashion-MNIST subset, train/test files); a binary file whose folder, column names and
#      class labels are markup and quotes; tuned models (the Tuning section); and an experiment over three datasets;
#   3. renders every report.html and the experiment.html in headless Chromium at a desktop and a phone width
#      (check_report.mjs): fails on any network request, console error, script element or event handler, missing
#      section, unrendered chart or page wider than the screen; saves a full-page screenshot of each and prints its
#      path, size in bytes and pixels.
# Usage: tests/browser/check_report.sh [OUT_DIR]   (default: a fresh folder under /tmp). Exits nonzero on failure.
# MLPIPE_RELEASE_BUILT=1: src/MLPipelines.Cli's Release build is current; skip the build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d /tmp/mlpipe-browser-check.XXXXXX)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "check_report: installing ${need_apt[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
fi
chromium --version 2>/dev/null | head -1 || true
(cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)

# Release, as .ci/run's test step leaves it; MLPIPE_RELEASE_BUILT=1 (.ci/run) says it is current, so no build runs
# beside the package check's pack.
[ "${MLPIPE_RELEASE_BUILT:-0}" = 1 ] || dotnet build -c Release "$root/src/MLPipelines.Cli" -v quiet -nologo >/dev/null
mlpipe=(dotnet "$root/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe.dll")
data="$root/datasets"
specs="$out/specs"
mkdir -p "$specs"

cat >"$specs/binary.yaml" <<EOF
name: browser-binary
data: {path: '$data/breast_cancer.csv', label: target}
evaluation: {method: kfold, folds: 5, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 50}}
  - {name: fasttree, trainer: fasttree, options: {trees: 30}}
  - {name: linear, trainer: lbfgs}
  - {name: mlp, trainer: mlp, options: {hidden_layers: [32, 32], epochs: 15}}
report: {formats: [json, markdown, html]}
EOF
cat >"$specs/multiclass.yaml" <<EOF
name: browser-multiclass
data: {path: '$data/iris.csv', label: target}
evaluation: {method: kfold, folds: 3, repeats: 2, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 30}}
  - {name: linear, trainer: sdca}
  - {name: mlp, trainer: mlp, options: {hidden_layers: [32, 32], epochs: 20}}
report: {formats: [json, markdown, html]}
EOF
# Every 10th diamond (5,394 rows): the charts and sections are those of the whole file at a tenth of the training.
awk 'NR == 1 || NR % 10 == 2' "$data/diamonds.csv" >"$specs/diamonds-sample.csv"
cat >"$specs/regression.yaml" <<EOF
name: browser-regression
data: {path: '$specs/diamonds-sample.csv', label: price, label_transform: log}
evaluation: {method: holdout, test_fraction: 0.2, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 50}}
  - {name: linear, trainer: sdca}
  - {name: mlp, trainer: mlp, options: {hidden_layers: [32], epochs: 3}}
report: {formats: [json, markdown, html]}
EOF

# Images (the committed Fashion-MNIST subset): trained on the training images, scored once on the test images.
cat >"$specs/images.yaml" <<EOF
name: browser-images
data:
  kind: images
  format: idx
  train: {images: '$data/fashion-mnist/subset/train-images-idx3-ubyte.gz', labels: '$data/fashion-mnist/subset/train-labels-idx1-ubyte.gz'}
  test: {images: '$data/fashion-mnist/subset/t10k-images-idx3-ubyte.gz', labels: '$data/fashion-mnist/subset/t10k-labels-idx1-ubyte.gz'}
  classes: [T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot]
evaluation: {method: test_set, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20, learning_rate: 0.2, num_leaves: 15}}
  - {name: linear, trainer: lbfgs}
report: {formats: [json, markdown, html]}
EOF

# A file whose folder, column names, values and class labels are markup and quotes: the report must show them as text.
hostile_dir="$out/<em>data & \"quotes\" 'x'"
mkdir -p "$hostile_dir"
{
    printf '"<script>alert(1)</script>","a""b'"'"'c & <d>","<img src=x onerror=alert(2)>","label <script>alert(3)</script>"\n'
    for i in $(seq 1 120); do
        if [ $((i % 2)) -eq 0 ]; then label='"<script>alert(4)</script>"'; x=$((i % 7 + 3)); else label='"O'"'"'Brien & ""Co"""'; x=$((i % 5)); fi
        if [ $((i % 3)) -eq 0 ]; then category='"<b>bold</b>"'; else category='plain'; fi
        printf '%s.%s,%s,%s,%s\n' "$x" "$((i % 10))" "$((i % 13))" "$category" "$label"
    done
} >"$hostile_dir/hostile.csv"
cat >"$specs/hostile.yaml" <<EOF
name: browser-hostile
data: {path: '${hostile_dir//\'/\'\'}/hostile.csv', label: 'label <script>alert(3)</script>'}
evaluation: {method: kfold, folds: 3, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20}}
  - {name: linear, trainer: lbfgs}
report: {formats: [json, markdown, html]}
EOF

# Tuned models (nested search, small budget): the Tuning section with anytime curves and three rows per model.
cat >"$specs/tuned.yaml" <<EOF
name: browser-tuned
data: {path: '$data/breast_cancer.csv', label: target}
evaluation: {method: kfold, folds: 3, seed: 42}
tuning: {budget: {trials: 6}, inner: {method: kfold, folds: 3}, ensemble: {size: 10}}
models:
  - {name: lightgbm, trainer: lightgbm, tune: {space: {learning_rate: {log_uniform: [0.03, 0.3]}, num_leaves: {int_log_uniform: [4, 31]}}}}
  - {name: linear, trainer: lbfgs, tune: true}
report: {formats: [json, markdown, html]}
EOF

cat >"$specs/experiment.yaml" <<EOF
name: browser-experiment
metric: accuracy
evaluation: {method: kfold, folds: 3, seed: 42}
models:
  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20}}
  - {name: linear, trainer: lbfgs, preprocessing: [impute, one_hot, {normalize: {method: zscore}}]}
datasets:
  - {name: iris, data: {path: '$data/iris.csv', label: target}}
  - {name: wine, data: {path: '$data/wine.csv', label: target}}
  - {name: breast_cancer, data: {path: '$data/breast_cancer.csv', label: target}}
report: {formats: [json, markdown, svg, html]}
EOF

# The runs are independent processes that each keep about one core busy: two at a time (MLPIPE_BROWSER_JOBS), longest
# first. Each writes its output to NAME.log and its exit code to NAME.rc; a failed run is named with its log and the
# check stops before rendering anything.
parallel=${MLPIPE_BROWSER_JOBS:-2}
names=()
for job in "run images" "run binary" "run regression" "run tuned" "run multiclass" "experiment experiment" "run hostile"; do
    set -- $job
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
    echo "check_report: mlpipe $1 $2"
    (if "${mlpipe[@]}" "$1" "$specs/$2.yaml" --out "$out/$2" --force --quiet >"$out/$2.log" 2>&1; then echo 0; else echo $?; fi >"$out/$2.rc") &
    names+=("$2")
done
wait
failed=0
for name in "${names[@]}"; do
    if [ "$(cat "$out/$name.rc")" != 0 ]; then
        echo "check_report: FAIL: mlpipe $name exited $(cat "$out/$name.rc"); its output:" >&2
        cat "$out/$name.log" >&2
        failed=1
    fi
done
[ "$failed" -eq 0 ] || exit 1

classification=roc,calibration,confusion,comparisons,splits,fit-time,feature-importance
node "$root/tests/browser/check_report.mjs" --out "$out/screenshots" --jobs "$parallel" \
    "$out/binary/report.html=$classification,learning-curves" \
    "$out/multiclass/report.html=$classification,learning-curves" \
    "$out/regression/report.html=predicted-vs-actual,residuals,feature-importance,learning-curves" \
    "$out/images/report.html=$classification" \
    "$out/hostile/report.html=roc,confusion" \
    "$out/tuned/report.html=tuning,roc,calibration,confusion,comparisons,splits,fit-time" \
    "$out/experiment/experiment.html" \
    "$out/experiment/runs/wine/report.html=roc,confusion"

# The hostile run's strings must reach the page only as text: no raw markup from the data anywhere in the file.
if grep -q -e '<script' -e '<img' -e '<b>bold' -e '<em>data' "$out/hostile/report.html"; then
    echo "check_report: FAIL: markup from the hostile data appears unescaped in $out/hostile/report.html" >&2
    exit 1
fi
echo "check_report: screenshots in $out/screenshots"
