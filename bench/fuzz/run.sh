#!/usr/bin/env bash
# The fuzz harness (tests/MLPipelines.Cli.Tests/Fuzz) with the large budget: 10,000 spec mutations, 2,000 CSV,
# 500 image, 200 model-zip and 200 run-folder mutations, 40 real mlpipe processes. Prints one Markdown row per
# category (cases, exit codes, failures, seconds) for docs/benchmarks.md, then the date, machine, load and commit.
#   bench/fuzz/run.sh [REPORT.tsv]        MLPIPE_FUZZ_BUDGET=N runs N x the dotnet-test budget instead
#   MLPIPE_FUZZ_SEED=S changes the seed;  MLPIPE_FUZZ_CASE=I reruns case I of every category
# Failing inputs are kept under /tmp/mlpipe-fuzz/CATEGORY/ with the command and its output (fuzz-outcome.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
report=${1:-$(mktemp /tmp/mlpipe-fuzz-report.XXXXXX)}
: > "$report"
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
MLPIPE_FUZZ_BUDGET=${MLPIPE_FUZZ_BUDGET:-long} MLPIPE_FUZZ_REPORT=$report \
    dotnet test tests/MLPipelines.Cli.Tests -c Release --filter "FullyQualifiedName~MLPipelines.Cli.Tests.Fuzz" \
    --logger "console;verbosity=normal" || status=$?

echo
echo "| category | cases | exit 0 | exit 2 | failures (exit 1, other codes, stack traces, hangs, memory, spec errors without file:line:col) | seconds |"
echo "|---|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r category cases ok bad failures seconds seed problems; do
    echo "| $category | $cases | $ok | $bad | $failures${problems:+ ($problems)} | $seconds |"
done < "$report"
echo
echo "seed $(cut -f7 "$report" | head -1), started $started, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))," \
     "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
exit $status
