#!/usr/bin/env bash
# Times `mergegate check --only openapi` as a whole process (JVM start included) on a PR that changes
# one 4,500-line spec (issue 3's target: under 2.5 s wall on a 2-core machine). The spec has N GET
# operations (default 140, 32 lines each: about 4,500 lines) with a ten-property response schema apiece, the same
# shape as the checker's LargeSpecs; the PR removes a required property from the last schema.
#   bench/openapi-check.sh [--operations N] [--files N] [--runs R]
# BENCH_DIR keeps the generated repository between runs; BENCH_PLAIN_JAVA=1 times java -jar instead of
# the launcher.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$here/timing.sh"
operations=140; files=1000; runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    --operations) operations="$2"; shift ;;
    --files) files="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# spec VERSION BREAKING: writes the spec to stdout
spec() {
  local version="$1" breaking="$2" i p
  printf 'openapi: 3.0.3\ninfo:\n  title: Large\n  version: %s\npaths:\n' "$version"
  for ((i = 0; i < operations; i++)); do
    printf '  /v1/resources%d/{id}:\n    get:\n      operationId: get%d\n      summary: Read resource %d\n' "$i" "$i" "$i"
    printf '      parameters:\n        - name: id\n          in: path\n          required: true\n'
    printf '          schema:\n            type: string\n            maxLength: 64\n'
    printf "      responses:\n        '200':\n          description: The resource\n"
    printf "          content:\n            application/json:\n              schema:\n"
    printf "                \$ref: '#/components/schemas/Resource%d'\n" "$i"
  done
  printf 'components:\n  schemas:\n'
  for ((i = 0; i < operations; i++)); do
    local last=0
    [ "$breaking" = 1 ] && [ "$i" = $((operations - 1)) ] && last=1
    printf '    Resource%d:\n      type: object\n      required: [id, name%s]\n      properties:\n' "$i" \
      "$([ "$last" = 1 ] || echo ', status')"
    printf '        id: {type: string, format: uuid}\n        name: {type: string, maxLength: 200}\n'
    [ "$last" = 1 ] || printf '        status: {type: string, enum: [active, blocked, deleted]}\n'
    for ((p = 0; p < 7; p++)); do
      printf '        field%d: {type: integer, minimum: 0, maximum: 1000}\n' "$p"
    done
  done
}

mergegate_command "$root"
work="${BENCH_DIR:-$(mktemp -d)}"
repo="$work/openapi-$operations-$files"
if [ ! -d "$repo/.git" ]; then
  java -jar "$root/cli/target/mergegate.jar" generate-repo --out "$repo" --files "$files" --specs 0 --schemas 0 \
    --migrations 0 >/dev/null
  git_() { git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid "$@"; }
  pr="$(git_ rev-parse --abbrev-ref HEAD)"
  mkdir -p "$repo/api/openapi"
  git_ checkout -q main
  spec 1.4.0 0 > "$repo/api/openapi/resources.yaml"
  git_ add api/openapi/resources.yaml
  git_ commit -q -m "resources API"
  git_ checkout -q "$pr"
  git_ merge -q --no-edit main
  spec 2.0.0 1 > "$repo/api/openapi/resources.yaml"
  git_ commit -q -am "drop status from the last resource"
fi
echo "spec: $(wc -l < "$repo/api/openapi/resources.yaml") lines"
args=(check --repo "$repo" --only openapi --base main --format json)
"${MERGEGATE[@]}" "${args[@]}" 2>/dev/null | head -c 600 || true
echo
time_runs "$runs" "${MERGEGATE[@]}" "${args[@]}"
echo "mergegate check --only openapi, one $(wc -l < "$repo/api/openapi/resources.yaml")-line spec changed, $files source files: median $MEDIAN_MS ms, spread $SPREAD"
