#!/usr/bin/env bash
# Throughput with 1, 2 and 3 workers on this machine (issue 14, docs/scaling.md): the unit-1s run of run.sh
# (LightGBM, 40 iterations, 8 folds of satellite.csv) submitted with --cluster to N workers on loopback, N = 1..3,
# each run with a new seed (units computed afresh), after one warm-up run per worker count. Also the same run in one
# process, for its fixed part (data read, final fit, files) and its mean unit time.
#
#   bench/cluster/workers.sh [MLPIPE]
#
# Prints per N: wall s, units, units per second, and the overhead per unit against in-process. Holds
# /tmp/mlpipe-measure.lock. The workers share this machine's cores: this measures scheduling, not speed-up.
set -euo pipefail
mlpipe=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$mlpipe" run "$dir/unit-1s.yaml" --seed 50 --out "$dir/warm-local" --quiet > /dev/null 2>&1
l=$(seconds "$mlpipe" run "$dir/unit-1s.yaml" --seed 51 --out "$dir/local" --quiet)
read -r units unit final <<<"$(python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))['models'][0]
f = m['folds']
print(len(f), sum(x['fit_seconds'] + x['predict_seconds'] for x in f) / len(f), m['final_fit_seconds'])" "$dir/local/results.json")"
printf 'in-process: %.2f s, %d units of %.2f s, final fit %.2f s, fixed part %.2f s\n' "$l" "$units" "$unit" "$final" "$(echo "$l - $units * $unit" | bc -l)"
for n in 1 2 3; do
    for m in $(seq 1 "$n"); do
        start_worker "$dir/worker-$n-$m.log" --cluster-id "w$n"
    done
    "$mlpipe" run "$dir/unit-1s.yaml" --seed $((60 + n)) --out "$dir/warm-$n" --quiet --cluster "redis://127.0.0.1:$port" --cluster-id "w$n" > /dev/null 2>&1
    c=$(seconds "$mlpipe" run "$dir/unit-1s.yaml" --seed 51 --out "$dir/cluster-$n" --quiet --cluster "redis://127.0.0.1:$port" --cluster-id "w$n")
    same=$(python3 -c "import json,sys; a,b=(json.load(open(p))['models'][0]['metrics'] for p in sys.argv[1:]); print('same figures' if a == b else 'FIGURES DIFFER')" "$dir/local/results.json" "$dir/cluster-$n/results.json")
    printf '%d worker(s): %.2f s, %.2f units/s, overhead %.3f s per unit against in-process (%s)\n' "$n" "$c" "$(echo "$units / $c" | bc -l)" "$(echo "($c - $l) / $units" | bc -l)" "$same"
    for w in "${workers[@]}"; do kill "$w" 2>/dev/null || true; done
    wait "${workers[@]}" 2>/dev/null || true
    workers=()
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
