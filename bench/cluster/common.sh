# Shared set-up of the cluster benchmarks (sourced by run.sh and workers.sh): $repo, a scratch $dir (removed on exit),
# the unit-1s spec (LightGBM, 40 iterations, 8 folds of satellite.csv: each fold's fit + predict is ~1 s on this
# machine), redis-server on a free loopback port ($port, $redis), the measure lock, the machine line, and
# seconds CMD... (wall seconds of a command) and start_worker LOG [ARGS...] (a worker on loopback, ready; pid in $!).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$(mktemp -d /tmp/mlpipe-cluster-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$dir/unit-1s.yaml" <<YAML
name: unit-1s
data: {path: $repo/datasets/satellite.csv, label: classes}
evaluation: {method: kfold, folds: 8, seed: 1}
models: [{name: lightgbm, trainer: lightgbm, options: {iterations: 40}}]
report: {formats: [json], feature_importance: false}
YAML
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no > "$dir/redis.log" &
redis=$!
workers=()
cleanup() { for w in "${workers[@]}"; do kill "$w" 2>/dev/null || true; done; wait 2>/dev/null || true; kill $redis 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
exec 9>/tmp/mlpipe-measure.lock
flock 9
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, commit $(git -C "$repo" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
start_worker() {
    local log=$1
    shift
    "$mlpipe" worker --cluster "redis://127.0.0.1:$port" "$@" > "$log" 2>&1 &
    workers+=($!)
    for _ in $(seq 1 600); do grep -q ' ready:' "$log" && break; sleep 0.1; done
}
