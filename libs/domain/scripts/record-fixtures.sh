#!/usr/bin/env bash
# Records the fingerprint fixtures in ../src/fingerprint/fixtures/recorded from real nginx, HAProxy, Apache httpd
# (mod_proxy) and Varnish. Every process runs as `nobody`, listens on 127.0.0.1 only, and is stopped on exit.
# Needs: apt-get install -y nginx haproxy apache2 varnish (Debian 12 packages were used), node, python3.
# Usage: sudo libs/domain/scripts/record-fixtures.sh     (run as root only so it can drop to `nobody`)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../src/fingerprint/fixtures/recorded"
T="$(mktemp -d /tmp/hopwatch-fixtures.XXXXXX)"
chmod 755 "$T"; chown nobody "$T"
cp "$HERE/fixture-upstreams.mjs" "$HERE/capture-response.mjs" "$T/"
PIDS=()

as_nobody() { runuser -u nobody -- "$@"; }
# runuser is started directly (not through a function) so $! is its pid; it passes SIGTERM on to its child
start_logging_to() { local log="$1"; shift; runuser -u nobody -- "$@" >>"$log" 2>&1 & PIDS+=($!); }
start() { start_logging_to "$T/stdout.log" "$@"; }
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT

# Ports: upstreams 18201 slow, 18202 reset, 18203 close, 18204 garbage, 18205 app 500, 18206 ok,
# 18207 full accept queue (connect never completes), 18209 closed. Gateways: nginx 18101, haproxy 18111,
# apache 18121, varnish 18131.
start node "$T/fixture-upstreams.mjs" 18200
start /usr/bin/python3 -c '
import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 18207)); s.listen(0)
filler = socket.create_connection(("127.0.0.1", 18207))
time.sleep(3600)'

NGINX_VERSION="$(nginx -v 2>&1 | sed 's/.*: //')"
HAPROXY_VERSION="haproxy/$(haproxy -v | head -1 | awk '{print $3}')"
APACHE_VERSION="$(apache2 -v | head -1 | sed 's/.*: //')"
VARNISH_VERSION="$(varnishd -V 2>&1 | head -1 | sed 's/varnishd (\(varnish-[0-9.]*\).*/\1/')"

mkdir -p "$T/nginx" && cat >"$T/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $T/nginx/body; proxy_temp_path $T/nginx/proxy; fastcgi_temp_path $T/nginx/fcgi;
  uwsgi_temp_path $T/nginx/uwsgi; scgi_temp_path $T/nginx/scgi;
  proxy_connect_timeout 1s; proxy_read_timeout 1s;
  server {
    listen 127.0.0.1:18101;
    location /refused { proxy_pass http://127.0.0.1:18209; }
    location /tokens-off-refused { server_tokens off; proxy_pass http://127.0.0.1:18209; }
    location /timeout { proxy_pass http://127.0.0.1:18201; }
    location /connect-timeout { proxy_pass http://127.0.0.1:18207; }
    location /reset { proxy_pass http://127.0.0.1:18202; }
    location /closed { proxy_pass http://127.0.0.1:18203; }
    location /garbage { proxy_pass http://127.0.0.1:18204; }
    location /app500 { proxy_pass http://127.0.0.1:18205; }
    location /unavailable { return 503; }
    location /relay-haproxy { proxy_read_timeout 10s; proxy_pass http://127.0.0.1:18111/refused; }
  }
}
CONF

mkdir -p "$T/haproxy" && cat >"$T/haproxy/haproxy.cfg" <<CONF
global
  log stdout format raw local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 5s
  timeout server 1s
frontend fe
  bind 127.0.0.1:18111
  use_backend refused if { path_beg /refused }
  use_backend slow if { path_beg /timeout }
  use_backend reset if { path_beg /reset }
  use_backend garbage if { path_beg /garbage }
  use_backend app500 if { path_beg /app500 }
  use_backend relay_nginx if { path_beg /relay-nginx }
  default_backend empty
backend refused
  server app 127.0.0.1:18209
backend slow
  server app 127.0.0.1:18201
backend reset
  server app 127.0.0.1:18202
backend garbage
  server app 127.0.0.1:18204
backend app500
  server app 127.0.0.1:18205
backend relay_nginx
  http-request set-path /refused
  server nginx 127.0.0.1:18101
backend empty
CONF

mkdir -p "$T/apache" && cat >"$T/apache/httpd.conf" <<CONF
ServerRoot /usr/lib/apache2
ServerName fixtures.localhost
Listen 127.0.0.1:18121
PidFile $T/apache/httpd.pid
DefaultRuntimeDir $T/apache
Mutex file:$T/apache default
ErrorLog $T/apache/error.log
LogLevel warn
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule proxy_module modules/mod_proxy.so
LoadModule proxy_http_module modules/mod_proxy_http.so
# Debian's stock conf-enabled/security.conf turns the signature on; /no-signature shows the compiled default.
ServerSignature On
ServerTokens OS
ProxyPass /refused http://127.0.0.1:18209/
ProxyPass /no-signature-refused http://127.0.0.1:18209/
ProxyPass /timeout http://127.0.0.1:18201/ timeout=1
ProxyPass /reset http://127.0.0.1:18202/
ProxyPass /closed http://127.0.0.1:18203/
ProxyPass /garbage http://127.0.0.1:18204/
ProxyPass /app500 http://127.0.0.1:18205/
<Location /no-signature-refused>
  ServerSignature Off
</Location>
CONF

mkdir -p "$T/varnish" && chown nobody "$T/varnish" && cat >"$T/varnish.vcl" <<'CONF'
vcl 4.1;
backend refused { .host = "127.0.0.1"; .port = "18209"; }
backend slow { .host = "127.0.0.1"; .port = "18201"; .first_byte_timeout = 1s; }
backend reset { .host = "127.0.0.1"; .port = "18202"; }
sub vcl_recv {
  if (req.url ~ "^/timeout") { set req.backend_hint = slow; }
  elsif (req.url ~ "^/reset") { set req.backend_hint = reset; }
  else { set req.backend_hint = refused; }
  return (pass);
}
CONF
chown -R nobody "$T"

start nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" -g 'daemon off;'
# haproxy logs to its stdout (see `log stdout`): keep that in its own file so each capture can slice it
start_logging_to "$T/haproxy/haproxy.log" haproxy -f "$T/haproxy/haproxy.cfg" -db
start apache2 -f "$T/apache/httpd.conf" -DFOREGROUND
start varnishd -j none -n "$T/varnish" -a 127.0.0.1:18131 -f "$T/varnish.vcl" -s malloc,16m -F
sleep 3

capture() { # name url gateway software scenario [log]
  as_nobody node "$T/capture-response.mjs" "$2" "$T/$1.json" "$3" "$4" "$5" "${6:-}"
}
N="$T/nginx/error.log"; H="$T/haproxy/haproxy.log"; A="$T/apache/error.log"
capture nginx-502-refused http://127.0.0.1:18101/refused nginx "$NGINX_VERSION" 'proxy_pass to a port where nothing listens' "$N"
capture nginx-502-refused-tokens-off http://127.0.0.1:18101/tokens-off-refused nginx "$NGINX_VERSION" 'proxy_pass to a closed port with server_tokens off' "$N"
capture nginx-504-read-timeout http://127.0.0.1:18101/timeout nginx "$NGINX_VERSION" 'upstream accepts but never answers; proxy_read_timeout 1s' "$N"
capture nginx-504-connect-timeout http://127.0.0.1:18101/connect-timeout nginx "$NGINX_VERSION" 'upstream accept queue full so the connect never completes; proxy_connect_timeout 1s' "$N"
capture nginx-502-reset http://127.0.0.1:18101/reset nginx "$NGINX_VERSION" 'upstream reads the request then sends a TCP reset' "$N"
capture nginx-502-prematurely-closed http://127.0.0.1:18101/closed nginx "$NGINX_VERSION" 'upstream reads the request then closes without answering' "$N"
capture nginx-passes-non-http-as-http09 http://127.0.0.1:18101/garbage nginx "$NGINX_VERSION" 'upstream answers bytes that are not HTTP: nginx logs "no valid HTTP/1.0 header" and relays them as HTTP/0.9, no 502' "$N"
capture nginx-relays-app-500 http://127.0.0.1:18101/app500 nginx "$NGINX_VERSION" 'upstream app answers its own 500; nginx passes it on' "$N"
capture nginx-503 http://127.0.0.1:18101/unavailable nginx "$NGINX_VERSION" 'nginx answers 503 itself (the page limit_req/limit_conn also produce)' "$N"
capture nginx-relays-haproxy-503 http://127.0.0.1:18101/relay-haproxy nginx "$NGINX_VERSION" 'nginx in front of haproxy whose server refuses: haproxy page passes through nginx unchanged' "$N"
capture haproxy-503-refused http://127.0.0.1:18111/refused haproxy "$HAPROXY_VERSION" 'server port closed (retries 3)' "$H"
capture haproxy-504-server-timeout http://127.0.0.1:18111/timeout haproxy "$HAPROXY_VERSION" 'server accepts but never answers; timeout server 1s' "$H"
capture haproxy-502-reset http://127.0.0.1:18111/reset haproxy "$HAPROXY_VERSION" 'server reads the request then sends a TCP reset' "$H"
capture haproxy-502-invalid http://127.0.0.1:18111/garbage haproxy "$HAPROXY_VERSION" 'server answers bytes that are not HTTP' "$H"
capture haproxy-503-no-server http://127.0.0.1:18111/nothing haproxy "$HAPROXY_VERSION" 'backend without any server' "$H"
capture haproxy-relays-app-500 http://127.0.0.1:18111/app500 haproxy "$HAPROXY_VERSION" 'server app answers its own 500; haproxy passes it on' "$H"
capture haproxy-relays-nginx-502 http://127.0.0.1:18111/relay-nginx haproxy "$HAPROXY_VERSION" 'haproxy in front of nginx whose upstream refuses: nginx page passes through haproxy unchanged' "$H"
capture apache-503-refused http://127.0.0.1:18121/refused apache "$APACHE_VERSION" 'ProxyPass to a closed port' "$A"
capture apache-503-refused-no-signature http://127.0.0.1:18121/no-signature-refused apache "$APACHE_VERSION" 'ProxyPass to a closed port with ServerSignature Off (compiled default)' "$A"
capture apache-502-read-timeout http://127.0.0.1:18121/timeout apache "$APACHE_VERSION" 'backend accepts but never answers; ProxyPass timeout=1 (mod_proxy answers 502, not 504)' "$A"
capture apache-502-reset http://127.0.0.1:18121/reset apache "$APACHE_VERSION" 'backend reads the request then sends a TCP reset' "$A"
capture apache-502-closed http://127.0.0.1:18121/closed apache "$APACHE_VERSION" 'backend reads the request then closes without answering' "$A"
capture apache-passes-non-http-as-200 http://127.0.0.1:18121/garbage apache "$APACHE_VERSION" 'backend answers bytes that are not HTTP: mod_proxy relays them as a 200 (HTTP/0.9), no 502' "$A"
capture varnish-503-refused http://127.0.0.1:18131/refused varnish "$VARNISH_VERSION" 'backend port closed'
capture varnish-503-first-byte-timeout http://127.0.0.1:18131/timeout varnish "$VARNISH_VERSION" 'backend never answers; first_byte_timeout 1s'
capture varnish-503-reset http://127.0.0.1:18131/reset varnish "$VARNISH_VERSION" 'backend reads the request then sends a TCP reset'
as_nobody varnishlog -n "$T/varnish" -d -g raw -i FetchError > "$T/varnish-fetch-errors.log" 2>&1 || true

mkdir -p "$OUT"
rm -f "$OUT"/*.json
for file in "$T"/*.json; do cp "$file" "$OUT/"; done
# fixtures/documented/ (products that cannot run here, written from their documentation) is left alone
cp "$T/varnish-fetch-errors.log" "$OUT/varnish-fetch-errors.log"
echo "fixtures written to $OUT (work dir $T)"
