#!/usr/bin/env bash
# One scale measurement (issue 14): a synthetic table of ROWS rows (bench/scale/make_table.py, made once and kept in
# $MLPIPE_SCALE_DIR, default /tmp/mlpipe-scale), a holdout run of one TRAINER on it, and what it cost:
#
#   bench/scale/run.sh ROWS TRAINER [MLPIPE]      e.g. bench/scale/run.sh 1000000 lightgbm
#   OPTIONS='{epochs: 1}' bench/scale/run.sh 1000000 mlp      trainer options (a YAML map), default none
#
# Prints one line: rows, trainer, CSV MB, read s (start to the "data loaded" line, which is read + schema inference +
# label + view), fit s (results.json fit_seconds of the split), final fit s, whole run s, peak RSS (GNU time), load
# average before the run, commit. MLPIPE defaults to this tree's Release build. Runs under /work/notes/heavy.sh when
# present, holding /tmp/mlpipe-measure.lock (no two timing runs at once, as every bench script).
# Delete $MLPIPE_SCALE_DIR when done: a 10M-row table is 1.3 GB.
set -euo pipefail
rows=${1:?rows}; trainer=${2:?trainer}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mlpipe=${3:-$repo/src/MLPipelines.Cli/bin/Release/net10.0/mlpipe}
dir=${MLPIPE_SCALE_DIR:-/tmp/mlpipe-scale}
heavy=(); [ -x /work/notes/heavy.sh ] && heavy=(/work/notes/heavy.sh)
mkdir -p "$dir"
table=$dir/table-$rows.csv
[ -f "$table" ] || "${heavy[@]}" /usr/bin/python3 "$repo/bench/scale/make_table.py" --rows "$rows" --out "$table" >&2
spec=$dir/$trainer-$rows.yaml
cat > "$spec" <<YAML
name: scale-$trainer-$rows
data: {path: table-$rows.csv, label: label}
evaluation: {method: holdout, test_fraction: 0.2, seed: 42}
models: [{name: $trainer, trainer: $trainer${OPTIONS:+, options: $OPTIONS}}]
report: {formats: [json], feature_importance: false}
YAML
out=$dir/run-$trainer-$rows
rm -rf "$out"
exec 9>/tmp/mlpipe-measure.lock
flock 9
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, commit $(git -C "$repo" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')" >&2
log=$dir/log-$trainer-$rows.txt
start=$(date +%s.%N)
"${heavy[@]}" /usr/bin/time -v -o "$dir/time-$trainer-$rows.txt" "$mlpipe" run "$spec" --out "$out" 2>&1 |
    while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$log"
end=$(date +%s.%N)
loaded=$(grep -m1 -i "rows, .* features" "$log" | cut -d' ' -f1)
rss=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2/1048576}' "$dir/time-$trainer-$rows.txt")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$dir/time-$trainer-$rows.txt")
echo "CPU (user + system) of the whole run: $cpu s" >&2
python3 - "$out/results.json" "$rows" "$trainer" "$(du -m "$table" | cut -f1)" "$start" "$loaded" "$end" "$rss" "$load" <<'PY'
import json, sys
path, rows, trainer, mb, start, loaded, end, rss, load = sys.argv[1:]
r = json.load(open(path))
m = r["models"][0]
fit = m["fit_seconds"]["mean"]; final = m.get("final_fit_seconds", 0)
read = float(loaded) - float(start) if loaded else float("nan")
print(f"rows {rows} | {trainer} | {mb} MB | accuracy {m['metrics']['accuracy']['mean']:.4f} | read {read:.1f} s ({float(mb) / read:.0f} MB/s) | fit {fit:.1f} s | "
      f"final fit {final:.1f} s | run {float(end) - float(start):.1f} s | peak RSS {rss} GiB | load before {load} | "
      f"load after {open('/proc/loadavg').read().split()[0]}")
PY
