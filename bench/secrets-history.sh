#!/usr/bin/env bash
# Times `mergegate secrets scan --history` as a whole process (java -jar, JVM start included) on a generated
# git repository of realistic source changes (issue 6: a 5,000-commit history in <= 60 s on these machines).
#   bench/secrets-history.sh [--commits N] [--runs R] [--seed S]
# The repository is written by `git fast-import` from a seeded stream (SecretsHistoryBenchmark in the secrets
# module's test sources): 400 files, then commits that edit one to four of them; about ten commits plant a fake
# secret that later commits edit around or remove. The findings count is printed next to the planted count, so
# a fast but wrong scan shows. BENCH_DIR keeps the repository between runs. Run it on an idle machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/timing.sh"
commits=5000; runs=5; seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --commits) commits="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
module="checkers/secrets"
# Maven shares one lock with the other builds on the machine when it exists.
mvn_() { if command -v flock >/dev/null; then flock /tmp/mergegate-mvn.lock mvn -o -B -q "$@"; else mvn -o -B -q "$@"; fi; }

cd "$root"
jar="$root/cli/target/mergegate.jar"
[ -f "$jar" ] || mvn_ -Dmaven.test.skip=true -pl cli -am package
work="${BENCH_DIR:-$(mktemp -d)}"
repo="$work/history-$commits-$seed"
if [ ! -f "$repo/.bench-planted" ]; then
  mvn_ -pl "$module" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
  cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  rm -rf "$repo"
  git init -q -b main "$repo"
  start=$(date +%s%N)
  java -XX:+UseSerialGC -cp "$cp" io.mergegate.checkers.secrets.SecretsHistoryBenchmark "$commits" "$seed" \
    2>"$repo/.git/bench-planted" | git -C "$repo" fast-import --quiet
  mv "$repo/.git/bench-planted" "$repo/.bench-planted"
  echo "generated $repo: $(git -C "$repo" rev-list --count HEAD) commits in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
planted=$(cat "$repo/.bench-planted")
args=(secrets scan --history "$repo")

# One run outside the timing for the findings (the timed runs discard their output).
java -jar "$jar" "${args[@]}" --sarif "$work/history.sarif" >/dev/null 2>"$work/history.err" || true
found=$(grep -c '"ruleId"' "$work/history.sarif" || true)
echo "findings: $found (planted: $planted, each expected once); $(sed 's/^mergegate: //' "$work/history.err")"
time_runs "$runs" java -jar "$jar" "${args[@]}"
echo "mergegate secrets scan --history on $commits commits: median $MEDIAN_MS ms, spread $SPREAD"
