#!/usr/bin/env bash
# Times the phases of .ci/run on a fresh clone: bench/ci_phases.sh [REF] [DIR]
# (default: HEAD of this clone, into a new folder under /tmp). Prints wall and CPU seconds per phase and the load
# average after it. The build's CPU is mostly in the shared compiler server (not a child), so only its wall time is
# meaningful. Nothing is installed: run .ci/run once first on a fresh machine.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="${1:-HEAD}"
dir="${2:-$(mktemp -d /tmp/mlpipe-ci-phases.XXXXXX)}"
rm -rf "$dir"
git clone -q "$repo" "$dir"
cd "$dir"
git checkout -q "$(git -C "$repo" rev-parse "$ref")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 UseSharedCompilation=true CI=true
trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true' EXIT
echo "ci_phases: $(git log --oneline -1 | cut -c1-72) in $dir; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
phase() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$dir/.phase.time" "$@" >"$dir/.phase.$name.log" 2>&1 || { echo "ci_phases: $name failed"; tail -20 "$dir/.phase.$name.log"; exit 1; }
    read -r wall user sys <"$dir/.phase.time"
    printf "%-8s wall %6.1f s  cpu %6.1f s  load %s\n" "$name" "$wall" "$(echo "$user + $sys" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}
phase npm bash -c 'cd tests/browser && npm ci --no-audit --no-fund --loglevel=error'
phase restore dotnet restore MLPipelines.sln
phase build dotnet build MLPipelines.sln -c Release --no-restore
phase test dotnet test MLPipelines.sln -c Release --no-build
export MLPIPE_RELEASE_BUILT=1
phase tool bash tests/packaging/check_tool.sh "$(mktemp -d /tmp/mlpipe-tool-check.XXXXXX)"
phase browser bash tests/browser/check_report.sh "$(mktemp -d /tmp/mlpipe-browser-check.XXXXXX)"
