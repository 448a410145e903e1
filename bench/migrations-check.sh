#!/usr/bin/env bash
# Times `mergegate check --only migrations` as a whole process (JVM start included) on a generated
# long-lived service: 2,000 applied migrations on main, 3 new ones on the PR branch (issue 5's target:
# judged in under 2 s). --contract adds a 4th that drops a column, so the applied migrations are
# replayed for that table and the code is searched for references.
#   bench/migrations-check.sh [--migrations N] [--files N] [--runs R] [--contract]
# BENCH_DIR keeps the generated repository between runs; BENCH_PLAIN_JAVA=1 times java -jar instead of
# the launcher.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/timing.sh"
migrations=2000; files=5000; runs=7; contract=0
while [ $# -gt 0 ]; do
  case "$1" in
    --migrations) migrations="$2"; shift ;;
    --files) files="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --contract) contract=1 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mergegate_command "$root"
work="${BENCH_DIR:-$(mktemp -d)}"
repo="$work/migrations-$migrations-$files-$contract"
if [ ! -d "$repo/.git" ]; then
  java -jar "$root/cli/target/mergegate.jar" generate-repo --out "$repo" --files "$files" --migrations "$migrations" \
    --specs 0 --schemas 0 >/dev/null
  dir="$repo/services/svc0/src/main/resources/db/migration"
  header() { printf -- '-- Team: CORE\n-- Date: 2026-01-02\n-- Description: %s\n-- Risk: low\n-- Estimated Time: 1s\n-- Rollback script: none\n-- Phase: %s\n' "$1" "$2"; }
  v=$((migrations + 1))
  { header "add a note" expand; echo "ALTER TABLE table_5 ADD COLUMN note text;"; } > "$dir/V${v}__add_note.sql"
  { header "index names" expand; echo "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_table_6_name ON table_6 (name);"; } \
    > "$dir/V$((v + 1))__index_name.sql"
  { header "fill notes" backfill; echo "UPDATE table_5 SET note = name WHERE note IS NULL;"; } > "$dir/V$((v + 2))__fill_note.sql"
  if [ "$contract" = 1 ]; then
    { header "drop name" contract; echo "ALTER TABLE table_7 DROP COLUMN name;"; } > "$dir/V$((v + 3))__contract_drop_name.sql"
  fi
  (cd "$repo" && git add -A && git -c user.name=bench -c user.email=bench@example.invalid commit -q -m "new migrations")
fi
args=(check --repo "$repo" --only migrations --base main --format json)
"${MERGEGATE[@]}" "${args[@]}" 2>/dev/null | head -c 600 || true
echo
time_runs "$runs" "${MERGEGATE[@]}" "${args[@]}"
echo "mergegate check --only migrations, $migrations applied + $([ "$contract" = 1 ] && echo '3 new and a contract drop' || echo '3 new'), $files source files: median $MEDIAN_MS ms, spread $SPREAD"
