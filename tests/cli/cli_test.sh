#!/bin/sh
# The command line as an administrator uses it: exit codes, messages on stderr, nothing changed
# on errors. Usage: cli_test.sh path/to/kompas [postgresql://url]
set -u
kompas="$1"
. "$(dirname "$0")/checks.sh"
db="${2:-$dir/k.db}"
# The signaalpunt's key lands beside a SQLite file, else (PostgreSQL) in the working directory.
cd "$dir" || exit 1
key="$db.key"
case "$db" in postgres*) key="$dir/kompas.key" ;; esac
data="$(cd "$(dirname "$0")/../data/areas" && pwd)"

expect 0 "help" -- "$kompas" --help
contains "$dir/out" "serve" "help lists serve"
contains "$dir/out" "Opdrachten" "help is Dutch"
expect 0 "english help" -- "$kompas" --lang en --help
contains "$dir/out" "Start the web server" "help in English"

expect 0 "init" -- "$kompas" init --db "$db"
contains "$dir/out" "0001_foundation.sql" "init applies the first migration"
contains "$dir/out" "Sleutel voor het signaalpunt gemaakt" "init makes the signal key"
[ "$(stat -c %a "$key" 2>/dev/null)" = 600 ] || fail "the signal key is readable by its owner only"
case "$db" in
  postgresql://*) ;;
  *) for f in "$db" "$db-wal" "$db-shm"; do
       [ ! -e "$f" ] || [ "$(stat -c %a "$f")" = 600 ] || fail "$f is readable by its owner only"
     done ;;
esac
expect 0 "init again" -- "$kompas" init --db "$db"
contains "$dir/out" "al bijgewerkt" "second init changes nothing"

expect 2 "areas before any coalition" -- "$kompas" areas import --db "$db" "$data/voorbeeld-utf8.csv"
contains "$dir/err" "nog geen coalitie" "tells how to make a coalition"

expect 0 "demo" -- "$kompas" demo --db "$db"
contains "$dir/out" "beheerder@voorbeeld.example" "demo prints the login"
expect 0 "demo again" -- "$kompas" demo --db "$db"
contains "$dir/out" "bestaat al" "demo is idempotent"
# The demo's signals need their key: without it nothing starts, and nothing makes a new one.
mv "$key" "$dir/saved.key"
expect 2 "signals without their key" -- "$kompas" init --db "$db"
contains "$dir/err" "sleutel van het signaalpunt ontbreekt" "says the key is missing"
[ ! -e "$key" ] || fail "no new key is made while signals exist"
echo "kompas-signaalsleutel-1 00" >"$dir/broken.key"
chmod 600 "$dir/broken.key"
expect 2 "a broken key" -- "$kompas" init --db "$db" --key "$dir/broken.key"
contains "$dir/err" "geen sleutel" "says the file is no key"
mv "$dir/saved.key" "$key"
# A key that others can read stops everything, with what to do about it.
chmod 644 "$key"
expect 2 "a key others can read" -- "$kompas" init --db "$db"
contains "$dir/err" "chmod 600" "says how to close the key"
chmod 600 "$key"
"$kompas" init --db "$dir/other.db" >/dev/null 2>&1
expect 2 "another database's key" -- "$kompas" init --db "$db" --key "$dir/other.db.key"
contains "$dir/err" "hoort niet bij deze database" "says the key does not fit"

expect 2 "bad areas file" -- "$kompas" areas import --db "$db" "$data/voorbeeld-fouten.csv"
empty "$dir/out" "bad areas file"
contains "$dir/err" "Regel 4, kolom 1" "line and column of a bad code"
contains "$dir/err" "niets veranderd" "says nothing changed"
expect 0 "good areas file" -- "$kompas" areas import --db "$db" "$data/voorbeeld-komma.csv"
contains "$dir/out" "Gebieden ingelezen" "import summary"
expect 2 "missing file" -- "$kompas" areas import --db "$db" "$dir/bestaat-niet.csv"
contains "$dir/err" "niet te lezen" "unreadable file"

echo "kort" >"$dir/pw"
"$kompas" user add --db "$db" --email a@b.example --name A --role lezer --password-stdin \
  <"$dir/pw" >"$dir/out" 2>"$dir/err"
[ $? = 2 ] || fail "short password accepted"
contains "$dir/err" "12 tekens" "password rule"
echo "een-heel-lang-wachtwoord" >"$dir/pw"
"$kompas" user add --db "$db" --email Nieuw@Voorbeeld.example --name "Nieuwe Lezer" --role lezer \
  --password-stdin <"$dir/pw" >"$dir/out" 2>"$dir/err"
[ $? = 0 ] || fail "user add: $(cat "$dir/err")"
"$kompas" user add --db "$db" --email nieuw@voorbeeld.example --name "Dubbel" --role lezer \
  --password-stdin <"$dir/pw" >"$dir/out" 2>"$dir/err"
[ $? = 2 ] || fail "duplicate e-mail accepted"
contains "$dir/err" "kunt u niet gebruiken" "duplicate e-mail message"
expect 2 "bad role" -- "$kompas" user add --db "$db" --email x@y.example --name X --role baas --password-stdin
contains "$dir/err" "Rol baas bestaat niet" "bad role message"
expect 2 "no password-stdin" -- "$kompas" user add --db "$db" --email x@y.example --name X --role lezer
contains "$dir/err" "password-stdin" "asks for --password-stdin"
expect 2 "partner role without partner" -- "$kompas" user add --db "$db" --email p@y.example --name P --role partner --password-stdin

expect 0 "coalition add" -- "$kompas" coalition add --db "$db" --code gm0344 --name "Gemeente Utrecht"
contains "$dir/out" "GM0344" "code normalised"
expect 2 "coalition twice" -- "$kompas" coalition add --db "$db" --code GM0344 --name "Utrecht"
expect 2 "bad coalition code" -- "$kompas" coalition add --db "$db" --code WK034401 --name "X"
expect 2 "ambiguous coalition" -- "$kompas" areas import --db "$db" "$data/voorbeeld-komma.csv"
contains "$dir/err" "--coalition" "asks which coalition"

case "$db" in
  postgresql://*)
    expect 2 "backup postgresql" -- "$kompas" backup --db "$db" --to "$dir/copy.db"
    contains "$dir/err" "pg_dump" "points to pg_dump" ;;
  *)
    expect 0 "backup" -- "$kompas" backup --db "$db" --to "$dir/copy.db"
    contains "$dir/out" "sleutel" "reminds to keep the signal key too"
    [ "$(stat -c %a "$dir/copy.db")" = 600 ] || fail "the backup is readable by its owner only"
    expect 0 "backup is a database" -- "$kompas" demo --db "$dir/copy.db" --key "$key"
    contains "$dir/out" "bestaat al" "backup holds the demo"
    expect 2 "backup over a file" -- "$kompas" backup --db "$db" --to "$dir/copy.db"
    contains "$dir/err" "bestaat al" "never overwrites" ;;
esac

# A coalition's own version of the quality check: every problem named, nothing stored; then a
# newer version is read and used by new rounds.
instrument="$(cd "$(dirname "$0")/../../data/kwaliteit" && pwd)/instrument-1.json"
python3 - "$instrument" "$dir" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["themes"][1]["questions"].append(dict(d["themes"][0]["questions"][0]))
open(sys.argv[2] + "/dubbel.json", "w").write(json.dumps(d, ensure_ascii=False))
d = json.load(open(sys.argv[1]))
d["version"] = 7
open(sys.argv[2] + "/eigen.json", "w").write(json.dumps(d, ensure_ascii=False))
PY
expect 2 "instrument with a duplicate question" -- "$kompas" instrument add --db "$db" --coalition GM9999 "$dir/dubbel.json"
contains "$dir/err" "De vraagcode 'bezigheden' staat er twee keer in" "names the duplicate"
empty "$dir/out" "a refused instrument"
expect 2 "instrument that is not newer" -- "$kompas" instrument add --db "$db" --coalition GM9999 "$instrument"
contains "$dir/err" "is niet nieuwer dan versie 1" "asks for a higher version"
expect 2 "instrument of an unknown kind" -- "$kompas" instrument add --db "$db" --coalition GM9999 --kind onzin "$dir/eigen.json"
expect 0 "own instrument" -- "$kompas" instrument add --db "$db" --coalition GM9999 "$dir/eigen.json"
contains "$dir/out" "Versie 7 ingelezen: 6 thema's, 20 vragen" "reports the version"
expect 2 "the same version twice" -- "$kompas" instrument add --db "$db" --coalition GM9999 "$dir/eigen.json"

expect 2 "bad listen" -- "$kompas" serve --db "$db" --listen nergens
contains "$dir/err" "127.0.0.1:8080" "explains the listen form"
expect 2 "unknown command" -- "$kompas" toveren
empty "$dir/out" "unknown command"
expect 2 "bad postgres url" -- "$kompas" init --db "postgresql://[::1"

if [ "$failures" -gt 0 ]; then echo "$failures CLI checks failed"; exit 1; fi
echo "all CLI checks passed"
