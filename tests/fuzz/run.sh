#!/bin/sh
# Builds the libFuzzer target for the survey reader with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs it for a bounded time from the seed corpus.
#   tests/fuzz/run.sh BUILD_DIR SECONDS
# make test runs it for 30 seconds; bench/fuzz for longer. New inputs found are kept in
# BUILD_DIR/fuzz/corpus (not in the repository); a crash leaves its input in BUILD_DIR/fuzz.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$1"
out="$(cd "$1" && pwd)/fuzz"
seconds="${2:-30}"
mkdir -p "$out/corpus"
sources="answers csv scales survey_file text"
binary="$out/fuzz_survey_reader"
rebuild=0
[ -x "$binary" ] || rebuild=1
for f in $sources; do
  for ext in h cpp; do
    [ "$root/src/domain/$f.$ext" -nt "$binary" ] && rebuild=1
  done
done
[ "$root/tests/fuzz/fuzz_survey_reader.cpp" -nt "$binary" ] && rebuild=1
if [ "$rebuild" = 1 ]; then
  echo "Fuzzer bouwen met clang..."
  files=""
  for f in $sources; do files="$files $root/src/domain/$f.cpp"; done
  # shellcheck disable=SC2086
  clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/src" $files "$root/tests/fuzz/fuzz_survey_reader.cpp" -o "$binary.tmp"
  mv "$binary.tmp" "$binary"
fi
cd "$out"
# Seeds: the fixture surveys, cut to their first rows so each run stays fast.
mkdir -p seeds
for f in "$root"/tests/fixtures/survey/*.csv; do head -c 4000 "$f" > "seeds/$(basename "$f")"; done
status=0
"$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
  corpus seeds > fuzz.log 2>&1 || status=$?
grep -E "^(Done|stat::|==[0-9]+==|SUMMARY)" fuzz.log || tail -20 fuzz.log
[ "$status" = 0 ] || { tail -60 fuzz.log; echo "De fuzzer vond een fout (zie $out)."; }
exit "$status"
