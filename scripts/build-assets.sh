#!/bin/sh
# Builds what is served under /static: the stylesheet kompas.css (NL Design System tokens and
# components from npm, installed by `make`, then the product's own font, then our own rules) and
# the font files. The page's layout must not depend on the fonts a machine happens to have, so
# the "Noto Sans Variable" the tokens ask for is served from here (Latin and Latin Extended,
# upright and italic; the woff2 files come from npm's @fontsource-variable/noto-sans).
set -eu
out="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
mods="$root/node_modules"
font="$mods/@fontsource-variable/noto-sans"
if [ ! -f "$mods/@utrecht/component-library-css/dist/index.css" ] || [ ! -f "$font/wght.css" ]; then
  echo "npm-pakketten ontbreken: voer 'make' of 'npm ci' uit in $root" >&2
  exit 1
fi
mkdir -p "$out/fonts"
# Keep the package's own @font-face blocks (with their unicode-range) for the two Latin subsets,
# pointing at the copies under /static/fonts/.
latin_faces() {
  awk '/^\/\* noto-sans-latin(-ext)?-wght-(normal|italic) \*\//{keep=1} keep{print} keep&&/^}/{keep=0}' \
    "$font/wght.css" "$font/wght-italic.css" | sed 's#url(\./files/#url(fonts/#'
}
for f in latin latin-ext; do
  for s in normal italic; do cp "$font/files/noto-sans-$f-wght-$s.woff2" "$out/fonts/"; done
done
{
  cat "$mods/@utrecht/design-tokens/dist/index.css" "$mods/@utrecht/component-library-css/dist/index.css"
  latin_faces
  cat "$root/assets/kompas.css"
} > "$out/kompas.css.tmp"
mv "$out/kompas.css.tmp" "$out/kompas.css"
# The one script: the warning before a session ends (pages work without it).
cp "$root/assets/session.js" "$out/session.js"
# The icon a browser shows on the tab (without it, every first visit asks for /favicon.ico).
cp "$root/assets/favicon.svg" "$out/favicon.svg"
