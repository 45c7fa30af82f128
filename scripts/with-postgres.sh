#!/bin/sh
# Runs a command against a throw-away PostgreSQL cluster: initdb in a temporary folder, start on
# a free port, export KOMPAS_TEST_PG (a postgresql:// URL), run, stop and remove the cluster.
set -eu
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL ontbreekt: installeer het pakket postgresql (make test doet dat)." >&2
  exit 1
fi
dir=$(mktemp -d /tmp/kompas-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
  as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM
as_postgres "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
# KOMPAS_TEST_PG_CTL stop|start: a test can take the database away and bring it back.
cat >"$dir/pgctl" <<EOF
#!/bin/sh
set -eu
case "\$1" in
  stop) set -- -m fast stop ;;
  start) set -- -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start ;;
esac
if [ "\$(id -u)" = 0 ]; then exec runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" "\$@" >/dev/null; fi
exec "$bindir/pg_ctl" -D "$dir/data" "\$@" >/dev/null
EOF
chmod +x "$dir/pgctl"
"$dir/pgctl" start
export KOMPAS_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export KOMPAS_TEST_PG_CTL="$dir/pgctl"
"$@"
