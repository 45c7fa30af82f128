#!/bin/sh
# Installs what is missing to build (and with "test", to test) Coalitiekompas: Debian packages
# through apt (as root or with sudo) and the npm packages named in package-lock.json.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
packages="cmake ninja-build g++ pkg-config libcpp-httplib-dev libkainjow-mustache-dev libsoci-dev
  libboost-dev libpq-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libspdlog-dev
  libsodium-dev libcmark-dev libstemmer-dev libzip-dev libqrencode-dev libgtest-dev libxlsxwriter-dev zlib1g-dev libpwquality-dev cracklib-runtime python3"
if [ "${1:-}" = "test" ]; then packages="$packages postgresql chromium poppler-utils zbar-tools nginx openssl curl clang libclang-rt-14-dev"; fi
if [ "${1:-}" = "bench" ]; then packages="$packages wrk nginx curl clang libclang-rt-14-dev r-cran-survey"; fi
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installeren met apt:$missing"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

cd "$root"
stamp="node_modules/.kompas-installed"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
