#!/bin/sh
# The shipped nginx configuration (deploy/nginx/coalitiekompas.conf) in front of a real
# `kompas serve`, as a coalition runs it: https works and plain http is sent there, a visitor
# through the proxy gets Secure cookies and can sign in, and a direct client that only claims
# https (X-Forwarded-Proto) does not. Usage: nginx_test.sh path/to/kompas
set -u
kompas="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/tests/cli/checks.sh"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx ontbreekt: installeer het pakket nginx (make test doet dat)."; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
app_port=$(free_port); https_port=$(free_port); http_port=$(free_port)
chmod 755 "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null || { echo "openssl faalde"; exit 1; }

"$kompas" demo --db "$dir/k.db" >/dev/null 2>&1 || { echo "demo faalde"; exit 1; }
"$kompas" serve --db "$dir/k.db" --listen "127.0.0.1:$app_port" --trusted-proxy 127.0.0.1 \
  >"$dir/serve.log" 2>&1 &
serve_pid=$!

# The site file as shipped; only addresses, ports and certificate paths differ here.
sed -e "s|127.0.0.1:8080|127.0.0.1:$app_port|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "/listen \[::\]/d" \
    -e "s|/etc/letsencrypt/live/kompas.example.nl/fullchain.pem|$dir/cert.pem|" \
    -e "s|/etc/letsencrypt/live/kompas.example.nl/privkey.pem|$dir/key.pem|" \
    "$root/deploy/nginx/coalitiekompas.conf" >"$dir/site.conf"
mkdir -p "$dir/temp" && chmod 777 "$dir/temp"
cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events {}
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/site.conf;
}
CONF
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" -t >"$dir/out" 2>&1 ||
  fail "nginx -t: $(cat "$dir/out")"
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"
stop() {
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null
  kill "$serve_pid" 2>/dev/null
  wait "$serve_pid" 2>/dev/null
  rm -rf "$dir"
}
trap stop EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

https="https://127.0.0.1:$https_port"
# Plain http sends the visitor to https.
curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/inloggen" >"$dir/out"
contains "$dir/out" "301 https://127.0.0.1/inloggen" "http is sent to https"

# Through the proxy: the page, with a Secure form cookie and security headers.
expect 0 "login page over https" -- curl -sk -D "$dir/headers" -c "$dir/jar" "$https/inloggen"
contains "$dir/headers" "HTTP/2 200" "login page over https (HTTP/2)"
grep -i "^set-cookie: kompas_formulier=" "$dir/headers" >"$dir/cookie"
contains "$dir/cookie" "; Secure" "the form cookie is Secure behind the proxy"
contains "$dir/headers" "strict-transport-security" "HSTS"
contains "$dir/headers" "content-security-policy" "the application's own headers pass"

# Signing in through the proxy: the session cookie is Secure too.
token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$dir/out" | head -n 1)
[ -n "$token" ] || token=$(curl -sk -b "$dir/jar" "$https/inloggen" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
expect 0 "sign in over https" -- curl -sk -D "$dir/headers" -b "$dir/jar" -c "$dir/jar" \
  --data-urlencode "email=beheerder@voorbeeld.example" \
  --data-urlencode "password=welkom-bij-kompas" --data-urlencode "_csrf=$token" "$https/inloggen"
contains "$dir/headers" "HTTP/2 303" "signing in redirects"
grep -i "^set-cookie: kompas_sessie=" "$dir/headers" >"$dir/cookie"
contains "$dir/cookie" "; Secure" "the session cookie is Secure behind the proxy"
expect 0 "signed-in page" -- curl -sk -D "$dir/headers" -b "$dir/jar" "$https/doelen"
contains "$dir/headers" "HTTP/2 200" "a signed-in page through the proxy"

# A client that is not the proxy cannot make cookies Secure by claiming https.
expect 0 "direct client" -- curl -s -D "$dir/headers" --interface 127.0.0.2 \
  -H "X-Forwarded-Proto: https" "http://127.0.0.1:$app_port/inloggen"
grep -i "^set-cookie: kompas_formulier=" "$dir/headers" >"$dir/cookie"
[ -s "$dir/cookie" ] || fail "direct client got no form cookie"
grep -q "Secure" "$dir/cookie" && fail "a direct client claiming https got a Secure cookie"

[ "$failures" = 0 ] || { echo "nginx-log: $(cat "$dir/nginx-error.log")"; exit 1; }
echo "ok"
