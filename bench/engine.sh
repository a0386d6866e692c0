#!/usr/bin/env bash
# Engine benchmarks from one run, peers at their best (bench/peers.py): SGEMM beside numpy + OpenBLAS
# (bench/gemm_vs_numpy.py, sizes 256-2048 at 1 and 2 threads) and MLP training beside PyTorch
# (bench/mlp_vs_torch.py, every thread setting of the peer), then the ratios and fractions of the FMA peak beside
# the engine issue's targets. Usage: bench/engine.sh [--rounds R]   (bench/measure.sh runs every peer figure)
# The scripts install their Debian peers (numpy, torch, OpenBLAS pthread, threadpoolctl) with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3
if [[ "${1:-}" == "--rounds" ]]; then rounds="$2"; fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== SGEMM: ours vs numpy + OpenBLAS =="
/usr/bin/python3 bench/gemm_vs_numpy.py --rounds "$rounds" | tee -a "$log"
echo
echo "== MLP training: ours vs PyTorch =="
/usr/bin/python3 bench/mlp_vs_torch.py --rounds "$rounds" | tee -a "$log"
echo
echo "== Summary (targets: SGEMM >= 1.15x OpenBLAS at every size and thread count; MLP training >= 2.0x PyTorch's best) =="
awk '
  $1 ~ /^[0-9]+$/ && NF == 8 { printf "sgemm %s threads=%s: ours %s GFLOP/s (%s of peak), numpy %s (%s of peak), ratio %s\n", $1, $2, $3, $4, $5, $7, $8 }
  $1 == "mlp-vs-torch" { print }
' "$log"
