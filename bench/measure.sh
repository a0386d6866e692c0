#!/usr/bin/env bash
# Re-measures every figure of docs/benchmarks.md that compares with a peer, in one go, under the shared measurement
# lock (/tmp/mlpipe-measure.lock, held for the whole run; the scripts see MLPIPE_MEASURE_LOCK_HELD and do not take
# it again). Each script prints the machine, the load average, the peer's environment and kernel, and ends with a
# key=value line; those last lines are collected at the end, and bench/summarize.py turns the figures each script
# records (DIR/NAME.json) into the Markdown tables of docs/benchmarks.md (DIR/benchmarks.md).
#
# Usage: bench/measure.sh [--out DIR] [--quick] [--accuracy]
#   --out DIR    logs go to DIR/NAME.log (default bench/results/<UTC date-time>, git-ignored)
#   --quick      fewer rounds (1-2) and sizes, for checking that everything runs (~15 min instead of ~1 h)
#   --accuracy   also re-runs the MLP-vs-peers tables (bench/mlp_vs_peers.py --models mlp on every pipeline
#                listed in ACCURACY below): several hours on 2 cores
# Peers are installed with apt-get when missing; Fashion-MNIST is fetched by the CNN script.
set -euo pipefail
cd "$(dirname "$0")/.."
out="bench/results/$(date -u +%Y%m%d-%H%M%S)"
quick=0
accuracy=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --accuracy) accuracy=1; shift ;;
    *) echo "usage: bench/measure.sh [--out DIR] [--quick] [--accuracy]" >&2; exit 2 ;;
  esac
done
ACCURACY="letter,telco_churn,credit,diamonds,mlc_churn,satellite,stackoverflow,check_times,health_insurance,cps1988,spam"
mkdir -p "$out"
py=/usr/bin/python3
if [[ $quick == 1 ]]; then r3=1; r2=1; sizes=256,1024; else r3=3; r2=2; sizes=256,512,1024,2048; fi

run() { # run NAME CMD...: one script, its log in $out/NAME.log
  local name="$1"; shift
  echo "== $name: $*" | tee "$out/$name.log"
  if ! "$@" 2>&1 | tee -a "$out/$name.log"; then
    echo "$name FAILED (see $out/$name.log)" | tee -a "$out/$name.log"
    failed=1
  fi
}
failed=0

measure() {
  export MLPIPE_MEASURE_LOCK_HELD=1 MLPIPE_BENCH_OUT="$out"
  run peak dotnet run -c Release --project bench/MLPipelines.Bench -- peak --seconds 2
  run gemm $py bench/gemm_vs_numpy.py --rounds "$r3" --sizes "$sizes"
  run mlp $py bench/mlp_vs_torch.py --rounds "$r3"
  run mlp_cold $py bench/mlp/speed_vs_torch.py --rounds "$r2"
  run cnn $py bench/cnn_vs_torch.py --arch default --rounds "$r2"
  run gbdt $py bench/gbdt_vs_xgboost.py --repeats "$r2"
  run xgboost $py bench/xgboost_vs_python.py --repeats "$r3"
  if [[ $accuracy == 1 ]]; then
    run accuracy $py bench/mlp_vs_peers.py --models mlp --peers xgboost,torch --pipelines "$ACCURACY" --runs "$out/runs"
  fi
}

echo "# waiting for /tmp/mlpipe-measure.lock if another lane is measuring ..."
exec 9>>/tmp/mlpipe-measure.lock
flock 9
measure
echo
echo "== summary (logs in $out)"
for f in "$out"/*.log; do tail -n 1 "$f"; done | tee "$out/summary.txt"
/usr/bin/python3 bench/summarize.py "$out" > "$out/benchmarks.md"
echo "Markdown tables for docs/benchmarks.md: $out/benchmarks.md"
exit "$failed"
