#!/usr/bin/env bash
# Times `mergegate check` as a whole process (JVM start included) on a generated repository.
#   bench/run.sh [--files N] [--runs R] [--only CHECKERS] [--staged] [-- extra check args]
# Prints each run's wall time, then the median and the spread (min..max). Same seed, same repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
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
jar="$root/cli/target/mergegate.jar"
[ -f "$jar" ] || mvn -B -q -f "$root/pom.xml" -Dmaven.test.skip=true -pl cli -am package
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
java -jar "$jar" "${args[@]}" >/dev/null 2>&1 || true   # warm the page cache
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" "${args[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "mergegate check --only $only on $files files ($([ "$staged" = 1 ] && echo staged || echo 'PR mode')): median ${sorted[$((n / 2))]} ms, spread ${sorted[0]}..${sorted[$((n - 1))]} ms over $n runs"
