# Shared by the CLI test scripts (sourced, not run): a temporary folder $dir and small checks
# that count failures instead of stopping at the first.
dir=$(mktemp -d /tmp/kompas-cli.XXXXXX)
trap 'rm -rf "$dir"' EXIT
failures=0

fail() { echo "FOUT: $*"; failures=$((failures + 1)); }

# expect CODE DESCRIPTION -- command...: checks the exit code; stdout/stderr kept in $dir/out, err
expect() {
  code="$1"; what="$2"; shift 3
  "$@" >"$dir/out" 2>"$dir/err" </dev/null
  got=$?
  [ "$got" = "$code" ] || fail "$what: exit code $got, expected $code; stderr: $(cat "$dir/err")"
}
contains() { grep -q -- "$2" "$1" || fail "$3: '$2' not in $(basename "$1"): $(cat "$1")"; }
empty() { [ ! -s "$1" ] || fail "$2: $(basename "$1") should be empty: $(head -c 500 "$1")"; }
