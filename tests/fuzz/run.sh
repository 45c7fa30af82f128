#!/bin/sh
# Builds a libFuzzer target with clang (AddressSanitizer and UndefinedBehaviorSanitizer) and runs
# it for a bounded time from its seeds.
#   tests/fuzz/run.sh BUILD_DIR SECONDS [survey_reader|geojson|http_forms]
# make test runs each for 30 seconds; bench/fuzz for longer. New inputs found are kept in
# BUILD_DIR/fuzz/<target>/corpus (not in the repository); a crash leaves its input there too.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$1"
seconds="${2:-30}"
target="${3:-survey_reader}"
case "$target" in
  survey_reader) sources="domain/answers domain/csv domain/scales domain/survey_file domain/text" ;;
  geojson) sources="domain/geojson domain/text" ;;
  http_forms) sources="web/core/http web/core/multipart web/core/url" ;;
  *) echo "Onbekend fuzzdoel: $target" >&2; exit 2 ;;
esac
out="$(cd "$1" && pwd)/fuzz/$target"
mkdir -p "$out/corpus" "$out/seeds"
binary="$out/fuzz_$target"
rebuild=0
[ -x "$binary" ] || rebuild=1
for f in $sources; do
  for ext in h cpp; do
    [ "$root/src/$f.$ext" -nt "$binary" ] && rebuild=1
  done
done
[ "$root/tests/fuzz/fuzz_$target.cpp" -nt "$binary" ] && rebuild=1
if [ "$rebuild" = 1 ]; then
  echo "Fuzzer $target bouwen met clang..."
  files=""
  for f in $sources; do files="$files $root/src/$f.cpp"; done
  # shellcheck disable=SC2086
  clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/src" $files "$root/tests/fuzz/fuzz_$target.cpp" -o "$binary.tmp"
  mv "$binary.tmp" "$binary"
fi
cd "$out"
# Seeds, cut to their first bytes so each run stays fast: the fixture surveys, or a small map.
if [ "$target" = survey_reader ]; then
  for f in "$root"/tests/fixtures/survey/*.csv; do head -c 4000 "$f" > "seeds/$(basename "$f")"; done
elif [ "$target" = http_forms ]; then
  printf 'multipart/form-data; boundary="xyz"\n--xyz\r\nContent-Disposition: form-data; name="bestand"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na;b\r\n--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc\r\n--xyz--\r\n' > seeds/upload
  printf 'application/x-www-form-urlencoded\nnaam=%%C3%%A9%%C3%%A9n+twee&x=%%zz&y' > seeds/form
else
  printf '%s' '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"WK999901"},"geometry":{"type":"MultiPolygon","coordinates":[[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]]}}]}' > seeds/map.geojson
fi
status=0
"$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
  corpus seeds > fuzz.log 2>&1 || status=$?
grep -E "^(Done|stat::|==[0-9]+==|SUMMARY)" fuzz.log || tail -20 fuzz.log
[ "$status" = 0 ] || { tail -60 fuzz.log; echo "De fuzzer vond een fout (zie $out)."; }
exit "$status"
