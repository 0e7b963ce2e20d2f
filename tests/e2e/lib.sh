# Shared helpers for the end-to-end tests: each test script is run by ctest as
#   bash tests/e2e/NAME_test.sh BUILT_SKJERM SOURCE_DIR
set -uo pipefail
SKJERM=${1:?usage: $0 SKJERM SOURCE_DIR}
SRC=${2:?usage: $0 SKJERM SOURCE_DIR}
SAMPLES=$SRC/samples
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
# Databases' keys go to a configuration folder of the test's own, never the user's.
export XDG_CONFIG_HOME=$WORK/config
unset SKJERM_KEY

# key_of DB: where the database's key is (journal/database_key.h).
key_of() {
  echo "$XDG_CONFIG_HOME/skjerm/keys/$(sqlite3 "$1" 'SELECT id FROM database_identity').key"
}

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD, checks its exit status.
expect_status() {
  local want=$1
  shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got, want $want: $*"
}

# json_field FILE PATH_SUBSTRING FIELD: the field of the JSON line whose path contains the substring.
json_field() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if sys.argv[2] in o["path"]:
        v = o[sys.argv[3]]
        print(v if isinstance(v, str) else json.dumps(v))
        break
PY
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
  fi
  echo "ok"
}
