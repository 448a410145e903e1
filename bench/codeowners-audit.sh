#!/usr/bin/env bash
# Times `mergegate codeowners audit` as a whole process (JVM start included) on a generated repository
# of 100,000 files with a 2,000-line CODEOWNERS (issue 8's target: well under a second).
#   bench/codeowners-audit.sh [--files N] [--lines N] [--runs R]
# BENCH_DIR keeps the generated repository between runs; BENCH_PLAIN_JAVA=1 times java -jar instead of
# the launcher.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/timing.sh"
files=100000; lines=2000; runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift ;;
    --lines) lines="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mergegate_command "$root"
work="${BENCH_DIR:-$(mktemp -d)}"
repo="$work/codeowners-$files-$lines"
if [ ! -d "$repo/.git" ]; then
  java -jar "$root/cli/target/mergegate.jar" generate-repo --out "$repo" --files "$files" --commits 1 --specs 0 \
    --schemas 0 --migrations 0 --changed 0 --codeowners-lines "$lines" >/dev/null
fi
"${MERGEGATE[@]}" codeowners audit --repo "$repo" 2>&1 >/dev/null | tail -1
time_runs "$runs" "${MERGEGATE[@]}" codeowners audit --repo "$repo"
echo "codeowners audit, $files files, $lines CODEOWNERS lines: median $MEDIAN_MS ms, spread $SPREAD"
