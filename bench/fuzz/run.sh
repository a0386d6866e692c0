#!/usr/bin/env bash
# The fuzz harness (tests/MLPipelines.Cli.Tests/Fuzz) with the large budget: 10,000 spec mutations, 2,000 CSV,
# 500 image, 200 model-zip and 200 run-folder mutations, 40 real mlpipe processes. Prints one Markdown row per
# category (cases, exit codes, failures, seconds) for docs/benchmarks.md, then the date, machine, load and commit.
#   bench/fuzz/run.sh [REPORT.tsv]        MLPIPE_FUZZ_BUDGET=N runs N x the dotnet-test budget instead
#   MLPIPE_FUZZ_SEED=S changes the seed;  MLPIPE_FUZZ_CASE=I reruns case I of every category
#   MLPIPE_FUZZ_ONLY=Csv runs one category's test class (Spec, Csv, Image, ModelAndRunFolder, Process)
#   MLPIPE_FUZZ_PIECES=K runs the cases in K pieces (MLPIPE_FUZZ_CASES=FIRST-LAST each, one `dotnet test` per piece,
#     e.g. at nice 19 inside the shared quiet lock between other work); the rows add the pieces up.
#   MLPIPE_FUZZ_PIECE=P (1..K, with MLPIPE_FUZZ_PIECES=K) runs only piece P and appends to REPORT.tsv instead of
#     emptying it, so each piece can be its own command (e.g. each under a load gate); the table sums REPORT.tsv.
# Failing inputs are kept under /tmp/mlpipe-fuzz/CATEGORY/ with the command and its output (fuzz-outcome.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
report=${1:-$(mktemp /tmp/mlpipe-fuzz-report.XXXXXX)}
piece_only=${MLPIPE_FUZZ_PIECE:-}
[ -n "$piece_only" ] || : > "$report"
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
filter="FullyQualifiedName~MLPipelines.Cli.Tests.Fuzz${MLPIPE_FUZZ_ONLY:+.${MLPIPE_FUZZ_ONLY}FuzzTests}"
pieces=${MLPIPE_FUZZ_PIECES:-1}
# Pieces split the largest budget of the categories run; a category with fewer cases just ends early.
case ${MLPIPE_FUZZ_ONLY:-} in
    Csv) largest=2000 ;; Image) largest=500 ;; ModelAndRunFolder) largest=200 ;; Process) largest=40 ;; *) largest=10000 ;;
esac
status=0
dotnet build tests/MLPipelines.Cli.Tests -c Release -v q --nologo
for ((p = 0; p < pieces; p++)); do
    if [ -n "$piece_only" ] && [ "$piece_only" != $((p + 1)) ]; then
        continue
    fi
    range=""
    if ((pieces > 1)); then
        range="$((p * largest / pieces))-$(((p + 1) * largest / pieces - 1))"
        echo "# piece $((p + 1))/$pieces: cases $range, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%MZ)"
    fi
    MLPIPE_FUZZ_BUDGET=${MLPIPE_FUZZ_BUDGET:-long} MLPIPE_FUZZ_REPORT=$report MLPIPE_FUZZ_CASES=$range \
        dotnet test tests/MLPipelines.Cli.Tests -c Release --no-build --filter "$filter" \
        --logger "console;verbosity=normal" || status=$?
done

echo
echo "| category | cases | exit 0 | exit 2 | failures (exit 1, other codes, stack traces, hangs, memory, spec errors without file:line:col) | seconds |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F'\t' '
    !($1 in cases) { order[++n] = $1 }
    { cases[$1] += $2; ok[$1] += $3; bad[$1] += $4; failed[$1] += $5; seconds[$1] += $6
      if ($8 != "") problems[$1] = problems[$1] (problems[$1] == "" ? "" : " | ") $8 }
    END { for (i = 1; i <= n; i++) { c = order[i]
            printf "| %s | %d | %d | %d | %d%s | %.0f |\n", c, cases[c], ok[c], bad[c], failed[c], problems[c] == "" ? "" : " (" problems[c] ")", seconds[c] } }
' "$report"
echo
echo "seed $(cut -f7 "$report" | head -1), started $started, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))," \
     "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
exit $status
