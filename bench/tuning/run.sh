#!/usr/bin/env bash
# The tuning benchmark of issue 11 in one command (hours on 2 cores; every step resumes where a killed run stopped):
#   (cheapest first: the experiment's four smaller tables come before letter and diamonds)
#   1. bench/tuning/specs/experiment.yaml: LightGBM and the MLP (defaults, tuned, tuned + ensembled; 8 trials per
#      model and outer split, inner 3-fold) over telco_churn, credit, spam and satellite, with Friedman/Nemenyi, Elo,
#      normalized score and win rate (pipelines/experiments/tuned-families.yaml is the same over 8 tables);
#   2. the same models on letter and diamonds (bench/tuning/specs/*-tuned.yaml);
#   3. XGBoost (hist) tuned by random search in Python with the same number of configurations on the same outer
#      folds (bench/tuning/xgboost_reference.py) for letter, telco_churn, credit, diamonds, spam, satellite;
#   4. bench/tuning/summary.py: the Markdown tables for docs/benchmarks.md.
# Usage: bench/tuning/run.sh [OUT_DIR]   (default bench/tuning/runs). Accuracy figures are deterministic (trial
# budgets, seeded); times are not.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/bench/tuning/runs}"
mkdir -p "$out"
dotnet build -c Release "$root/src/MLPipelines.Cli" -v quiet -nologo >/dev/null
mlpipe="$root/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe"
echo "tuning bench: $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$out/experiment/experiment.json" ]; then
    echo "tuning bench: mlpipe experiment (bench/tuning/specs/experiment.yaml)"
    "$mlpipe" experiment "$root/bench/tuning/specs/experiment.yaml" --out "$out/experiment" --quiet
fi
for table in letter diamonds; do
    if [ ! -f "$out/$table/results.json" ]; then
        echo "tuning bench: mlpipe run $table"
        "$mlpipe" run "$root/bench/tuning/specs/$table-tuned.yaml" --out "$out/$table" --quiet
    fi
done

for run in "$out/letter" "$out/diamonds" "$out/experiment/runs/telco_churn" "$out/experiment/runs/credit" \
           "$out/experiment/runs/spam" "$out/experiment/runs/satellite"; do
    if [ ! -f "$run/xgboost_reference.json" ]; then
        echo "tuning bench: xgboost reference $(basename "$run")"
        env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$root/bench/tuning/xgboost_reference.py" "$run" --configs 8 --inner 3
    fi
done
echo "tuning bench: done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$root/bench/tuning/summary.py" "$out"
