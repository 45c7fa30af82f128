#!/bin/sh
# kompas survey analyze as an analyst uses it: the output contract of issue 3, errors on
# stderr with exit code 2 and nothing on stdout, and the figures of R's survey package.
# Usage: survey_test.sh path/to/kompas
set -u
kompas="$1"
. "$(dirname "$0")/checks.sh"
fixtures="$(cd "$(dirname "$0")/../fixtures/survey" && pwd)"

lines() { [ "$(wc -l < "$1")" = "$2" ] || fail "$3: $(wc -l < "$1") lines, expected $2"; }

middel="$fixtures/middel.csv"
expect 0 "analyze by wijk" -- "$kompas" survey analyze "$middel" --scale djg11 --weight weging \
  --strata stratum --by wijk
[ "$(head -1 "$dir/out")" = "wijk,indicator,n,estimate,se,ci_low,ci_high,n_eff,suppressed" ] ||
  fail "header: $(head -1 "$dir/out")"
lines "$dir/out" 25 "6 wijken x 4 indicators + header"
cut -d, -f2 "$dir/out" | sed -n 2,5p | tr '\n' ' ' | grep -q "^eenzaam ernstig_eenzaam emotioneel_eenzaam sociaal_eenzaam $" ||
  fail "indicators of djg11 in order"
empty "$dir/err" "no notices"

expect 0 "whole file" -- "$kompas" survey analyze "$middel" --scale djg6
[ "$(head -1 "$dir/out")" = "indicator,n,estimate,se,ci_low,ci_high,n_eff,suppressed" ] ||
  fail "header without --by"
cut -d, -f1 "$dir/out" | tail -4 | tr '\n' ' ' | grep -q "^eenzaam sterk_eenzaam emotioneel_eenzaam sociaal_eenzaam $" ||
  fail "indicators of djg6"

expect 0 "small cells" -- "$kompas" survey analyze "$middel" --scale ucla3 --by geslacht
contains "$dir/out" "^anders,eenzaam,[0-9]*,,,,,,1$" "a small group keeps n and hides the rest"
# Only 'anders' is small; the smallest other group is hidden too (secondary suppression).
[ "$(grep -c ',1$' "$dir/out")" = 2 ] || fail "secondary suppression: $(cat "$dir/out")"
expect 0 "min-n 0" -- "$kompas" survey analyze "$middel" --scale ucla3 --by geslacht --min-n 0
[ "$(grep -c ',1$' "$dir/out")" = 0 ] || fail "--min-n 0 shows everything"

expect 0 "age bands" -- "$kompas" survey analyze "$middel" --scale djg11 --age leeftijd \
  --age-bands 18-64,65-74,75+ --by wijk --ci wilson
head -1 "$dir/out" | grep -q "^wijk,leeftijd,indicator," || fail "age band column: $(head -1 "$dir/out")"
sed -n 2p "$dir/out" | grep -q "^WK999901,18-64,eenzaam," || fail "bands in their order"

expect 0 "json" -- "$kompas" survey analyze "$middel" --scale djg11 --by wijk --format json
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert len(rows)==24 and rows[0]["indicator"]=="eenzaam"' "$dir/out" ||
  fail "json output"

# The CLI gives R's figures (tests/fixtures/survey/oracle.csv) to 1e-9.
expect 0 "klein by wijk" -- "$kompas" survey analyze "$fixtures/klein.csv" --scale djg11 \
  --weight weging --strata stratum --by wijk --min-n 0
python3 - "$dir/out" "$fixtures/oracle.csv" <<'PY' || fail "figures differ from R survey"
import csv, sys
ours = {(r["wijk"], r["indicator"]): r for r in csv.DictReader(open(sys.argv[1]))}
checked = 0
for r in csv.DictReader(open(sys.argv[2])):
    if r["file"] != "klein.csv" or r["scale"] != "djg11" or r["by"] != "wijk":
        continue
    o = ours[(r["domain"], r["indicator"])]
    assert int(o["n"]) == int(r["n"])
    for a, b in (("estimate", "estimate"), ("se", "se"), ("ci_low", "beta_low"),
                 ("ci_high", "beta_high"), ("n_eff", "n_eff")):
        assert abs(float(o[a]) - float(r[b])) < 1e-9, (a, o[a], r[b])
    checked += 1
assert checked == 12, checked
PY

# Errors: a Dutch message on stderr, exit code 2, nothing on stdout.
expect 2 "missing column" -- "$kompas" survey analyze "$middel" --scale djg11 --weight gewicht
empty "$dir/out" "nothing on stdout"
contains "$dir/err" "Er is geen kolom gewicht" "names the missing column"
printf 'djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\nja;ja;ja;ja;misschien;ja;ja;ja;ja;ja;ja\n' > "$dir/bad.csv"
expect 2 "bad answer" -- "$kompas" survey analyze "$dir/bad.csv" --scale djg11
empty "$dir/out" "nothing on stdout"
contains "$dir/err" "Regel 2, kolom 5: misschien" "line, column and value"
expect 0 "lenient" -- "$kompas" survey analyze "$dir/bad.csv" --scale djg11 --lenient --min-n 1
contains "$dir/err" "1 antwoord is niet herkend en telt als ontbrekend" "lenient reports"
lines "$dir/out" 5 "lenient still analyses"
expect 2 "bands without age" -- "$kompas" survey analyze "$middel" --scale djg11 --age-bands 18-64,65+
empty "$dir/out" "nothing on stdout"
expect 2 "unknown scale" -- "$kompas" survey analyze "$middel" --scale djg12
empty "$dir/out" "nothing on stdout"
expect 2 "no such file" -- "$kompas" survey analyze "$dir/none.csv" --scale djg11
contains "$dir/err" "niet te lezen" "unreadable file"
expect 2 "codes for ucla" -- "$kompas" survey analyze "$middel" --scale ucla3 --codes 1=ja
printf '1;2;3;1;1;2;3;1;2;3;1\n' | sed 's/^/djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n/' > "$dir/codes.csv"
expect 2 "numbers need codes" -- "$kompas" survey analyze "$dir/codes.csv" --scale djg11
expect 0 "numbers with codes" -- "$kompas" survey analyze "$dir/codes.csv" --scale djg11 \
  --codes "1=ja,2=min of meer,3=nee" --min-n 1
contains "$dir/out" "^eenzaam,1,1,0," "coded answers are scored"
expect 2 "english error" -- "$kompas" --lang en survey analyze "$dir/bad.csv" --scale djg11
contains "$dir/err" "is not an answer we know" "English message"

if [ "$failures" -gt 0 ]; then
  echo "$failures fout(en)"
  exit 1
fi
echo "survey CLI: alles goed"
