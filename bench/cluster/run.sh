#!/usr/bin/env bash
# Cluster overhead (issue 14): the same run in one process and on a cluster of ONE worker, units of about 1 s each
# (LightGBM, 40 iterations, 8 folds of satellite.csv: each fold's fit + predict is ~1 s on this machine).
#
#   bench/cluster/run.sh [REPEATS] [MLPIPE]      e.g. bench/cluster/run.sh 3
#
# Starts redis-server on a free loopback port and one `mlpipe worker` (all cores, loopback), warms the worker up with
# one run, then times REPEATS pairs (in-process, then --cluster), each pair with a new seed so the cluster computes
# its units afresh instead of finding them in Redis. Prints each pair's wall seconds, the medians and their ratio,
# and the machine, load average and commit. Holds /tmp/mlpipe-measure.lock (no two timing runs at once).
set -euo pipefail
repeats=${1:-3}
mlpipe=${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
start_worker "$dir/worker.log"
grep ' ready:' "$dir/worker.log" >&2
"$mlpipe" run "$dir/unit-1s.yaml" --seed 100 --out "$dir/warm" --quiet --cluster "redis://127.0.0.1:$port" > /dev/null 2>&1
local_times=(); cluster_times=()
for i in $(seq 1 "$repeats"); do
    l=$(seconds "$mlpipe" run "$dir/unit-1s.yaml" --seed "$i" --out "$dir/local-$i" --quiet)
    c=$(seconds "$mlpipe" run "$dir/unit-1s.yaml" --seed "$i" --out "$dir/cluster-$i" --quiet --cluster "redis://127.0.0.1:$port")
    units=$(python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['models'][0]['folds']; print('%.2f' % (sum(x['fit_seconds'] + x['predict_seconds'] for x in f) / len(f)))" "$dir/local-$i/results.json")
    same=$(python3 -c "import json,sys; a,b=(json.load(open(p))['models'][0]['metrics'] for p in sys.argv[1:]); print('same figures' if a == b else 'FIGURES DIFFER')" "$dir/local-$i/results.json" "$dir/cluster-$i/results.json")
    echo "seed $i: in-process $l s, one worker $c s (mean unit $units s, $same)"
    local_times+=("$l"); cluster_times+=("$c")
done
python3 - "${local_times[*]}" "${cluster_times[*]}" <<'PY'
import statistics, sys
l = statistics.median(map(float, sys.argv[1].split())); c = statistics.median(map(float, sys.argv[2].split()))
print(f"median: in-process {l:.2f} s, one worker {c:.2f} s, ratio {c / l:.3f}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
