#!/usr/bin/env bash
# Engine benchmarks from one run: GEMM GFLOP/s beside numpy+OpenBLAS (bench/gemm_vs_numpy.py) and MLP training
# throughput beside PyTorch in its fastest thread setting (bench/mlp_vs_torch.py), then a summary of the
# headline ratios the neural-engine issue asks for. Usage: bench/engine.sh [--rounds R]
# The scripts install their Debian peers (numpy, torch, OpenBLAS pthread) with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3
if [[ "${1:-}" == "--rounds" ]]; then rounds="$2"; fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== GEMM: ours vs numpy + OpenBLAS sgemm =="
/usr/bin/python3 bench/gemm_vs_numpy.py --rounds "$rounds" | tee -a "$log"
echo
echo "== MLP training: ours vs PyTorch =="
/usr/bin/python3 bench/mlp_vs_torch.py --rounds "$rounds" | tee -a "$log"
echo
echo "== Summary (targets: GEMM 512/1024 at 2 threads >= 0.8x numpy; MLP >= 1.0x PyTorch's best) =="
awk '
  $1 == "512" && $2 == 2  { printf "gemm 512 threads=2: ours %s GFLOP/s, numpy %s GFLOP/s, ratio %s\n", $3, $4, $5 }
  $1 == "1024" && $2 == 2 { printf "gemm 1024 threads=2: ours %s GFLOP/s, numpy %s GFLOP/s, ratio %s\n", $3, $4, $5 }
  $1 == "mlp-vs-torch"    { print }
' "$log"
