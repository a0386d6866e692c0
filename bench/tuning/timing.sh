#!/usr/bin/env bash
# Tuning timings of issue 11 in one command (about 25 minutes on 2 quiet cores):
#   1. overhead: LightGBM tuned on letter, 60 s of search per outer split (specs/letter-lightgbm-60s.yaml): the
#      run's wall time split into the trainers' own fits and everything else (target: under 10%);
#   2. budgets: the example pipelines/telco_churn-tuned.yaml (LightGBM and the MLP, 60 s per model and outer
#      split): every split's search within its budget + 10% + one trial; the whole run under 15 minutes.
# Both runs also check budgets. Usage (in a quiet window; the figures go to docs/benchmarks.md with the load):
#   flock /tmp/mlpipe-quiet.lock bench/tuning/timing.sh [OUT_DIR] [overhead|budget|all]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/bench/tuning/runs/timing}"
which="${2:-all}"
mkdir -p "$out"
if ! build=$(dotnet build -c Release "$root/src/MLPipelines.Cli" -v quiet -nologo 2>&1); then
    echo "$build" >&2
    exit 1
fi
mlpipe="$root/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe"
status=0

timed_run() { # NAME SPEC [timing.py options]: a fresh run, timed from process start to exit
    local name="$1" spec="$2"
    shift 2
    echo "== $name: $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    local start end
    start=$(date +%s%N)
    "$mlpipe" run "$spec" --out "$out/$name" --quiet --force
    end=$(date +%s%N)
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    local ms=$(( (end - start) / 1000000 ))
    /usr/bin/python3 "$root/bench/tuning/timing.py" "$out/$name" --wall "$((ms / 1000)).$(printf %03d $((ms % 1000)))" "$@" || status=1
    echo
}

if [ "$which" = all ] || [ "$which" = overhead ]; then
    timed_run letter-lightgbm "$root/bench/tuning/specs/letter-lightgbm-60s.yaml" --max-overhead 0.10
fi
if [ "$which" = all ] || [ "$which" = budget ]; then
    timed_run telco-churn-tuned "$root/pipelines/telco_churn-tuned.yaml" --max-wall 900
fi
exit $status
