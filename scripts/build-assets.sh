#!/bin/sh
# Builds the stylesheet served at /static/kompas.css: NL Design System tokens and components
# from npm (installed by `make`), followed by our own rules.
set -eu
out="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
mods="$root/node_modules/@utrecht"
if [ ! -f "$mods/component-library-css/dist/index.css" ]; then
  echo "npm-pakketten ontbreken: voer 'make' of 'npm ci' uit in $root" >&2
  exit 1
fi
mkdir -p "$out"
cat "$mods/design-tokens/dist/index.css" "$mods/component-library-css/dist/index.css" \
  "$root/assets/kompas.css" > "$out/kompas.css.tmp"
mv "$out/kompas.css.tmp" "$out/kompas.css"
