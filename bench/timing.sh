# Sourced by the bench scripts: time_runs RUNS COMMAND... runs the command RUNS times (after one
# untimed run that warms the page cache and writes the class-data sharing archive), prints each wall
# time, and sets MEDIAN_MS and SPREAD ("min..max ms over N runs").
time_runs() {
  local runs="$1"; shift
  "$@" >/dev/null 2>&1 || true
  local times=() i start end
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
    echo "run $i: ${times[-1]} ms"
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local n=${#sorted[@]}
  MEDIAN_MS=${sorted[$((n / 2))]}
  SPREAD="${sorted[0]}..${sorted[$((n - 1))]} ms over $n runs"
}

# The command that runs mergegate: the launcher (class-data sharing, as the pre-commit hook and
# ./mergegate run it) unless BENCH_PLAIN_JAVA=1, then plain java -jar. Sets MERGEGATE (an array).
mergegate_command() {
  local root="$1"
  local jar="$root/cli/target/mergegate.jar"
  [ -f "$jar" ] || mvn -B -q -f "$root/pom.xml" -Dmaven.test.skip=true -pl cli -am package
  if [ "${BENCH_PLAIN_JAVA:-0}" = 1 ]; then
    MERGEGATE=(java -jar "$jar")
  else
    export MERGEGATE_JAR="$jar" XDG_CACHE_HOME="${BENCH_CACHE:-$(mktemp -d)}"
    MERGEGATE=("$root/bin/mergegate")
  fi
}
