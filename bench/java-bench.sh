#!/usr/bin/env bash
# Runs a benchmark main class from a module's test sources with that module's test class path.
#   bench/java-bench.sh checkers/migrations io.mergegate.checkers.migrations.MigrationBenchmark [args]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$1"; cls="$2"; shift 2
cd "$root"
mvn -B -q -o -pl "$module" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
exec java -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" "$cls" "$@"
