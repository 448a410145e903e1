#!/usr/bin/env bash
# Times `mergegate check` as a whole process (JVM start included) on a generated repository.
#   bench/run.sh [--files N] [--runs R] [--only CHECKERS] [--staged] [-- extra check args]
# Prints each run's wall time, then the median and the spread (min..max). Same seed, same repository.
# Runs through the launcher (class-data sharing, as ./mergegate and the pre-commit hook do) unless
# BENCH_PLAIN_JAVA=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/timing.sh"
files=5000; runs=7; only="branch"; staged=0; extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --only) only="$2"; shift ;;
    --staged) staged=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mergegate_command "$root"
jar="$root/cli/target/mergegate.jar"
work="${BENCH_DIR:-$(mktemp -d)}"
repo="$work/repo-$files"
[ -d "$repo/.git" ] || java -jar "$jar" generate-repo --out "$repo" --files "$files" >/dev/null
args=(check --repo "$repo" --only "$only" --format json)
if [ "$staged" = 1 ]; then
  (cd "$repo" && git checkout -q main 2>/dev/null || true)
  for i in $(seq 1 10); do echo "// staged $i" >> "$(cd "$repo" && git ls-files '*.java' | sed -n "${i}p" | sed "s#^#$repo/#")"; done
  (cd "$repo" && git add -A)
  args+=(--staged --branch feature/CORE-1-bench)
else
  args+=(--base main)
fi
args+=("${extra[@]}")
time_runs "$runs" "${MERGEGATE[@]}" "${args[@]}"
echo "mergegate check --only $only on $files files ($([ "$staged" = 1 ] && echo staged || echo 'PR mode')): median $MEDIAN_MS ms, spread $SPREAD"
