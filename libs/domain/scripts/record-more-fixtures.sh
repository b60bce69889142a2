#!/usr/bin/env bash
# Records fingerprint fixtures from more real gateways: Caddy, lighttpd (mod_proxy), Squid (reverse proxy),
# h2o and Apache Traffic Server, in the ways they fail: upstream refused, reset, timed out, not HTTP. Same
# conventions as record-fixtures.sh: everything runs as `nobody` on 127.0.0.1 and is stopped on exit; it only
# adds files, leaving the fixtures that script writes alone.
# Needs: apt-get install -y caddy lighttpd squid h2o trafficserver (Debian 12), node, python3.
# Usage: sudo libs/domain/scripts/record-more-fixtures.sh
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../src/fingerprint/fixtures/recorded"
T="$(mktemp -d /tmp/hopwatch-more-fixtures.XXXXXX)"
chmod 755 "$T"; chown nobody "$T"
cp "$HERE/fixture-upstreams.mjs" "$HERE/capture-response.mjs" "$T/"
PIDS=()

as_nobody() { runuser -u nobody -- "$@"; }
start_logging_to() { local log="$1"; shift; runuser -u nobody -- "$@" >>"$log" 2>&1 & PIDS+=($!); }
start() { start_logging_to "$T/stdout.log" "$@"; }
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT

# Upstreams (fixture-upstreams.mjs): 18201 never answers, 18202 resets, 18204 answers non-HTTP, 18209 closed.
# Gateways: caddy 18141, lighttpd 18151, squid 18161, h2o 18171, trafficserver 18181.
start node "$T/fixture-upstreams.mjs" 18200

CADDY_VERSION="caddy/$(caddy version | awk '{print $1}')"
LIGHTTPD_VERSION="$(lighttpd -v | head -1 | awk '{print $1}')"
SQUID_VERSION="squid/$(squid -v | head -1 | awk '{print $4}')"
H2O_VERSION="h2o/$(h2o --version | head -1 | awk '{print $3}')"
ATS_VERSION="ATS/$(traffic_server -V 2>&1 | head -1 | awk '{print $3}')"

mkdir -p "$T/caddy" && cat >"$T/caddy/Caddyfile" <<CONF
{
	admin off
	auto_https off
}
http://127.0.0.1:18141 {
	bind 127.0.0.1
	handle /refused* {
		reverse_proxy 127.0.0.1:18209
	}
	handle /timeout* {
		reverse_proxy 127.0.0.1:18201 {
			transport http {
				response_header_timeout 1s
			}
		}
	}
	handle /reset* {
		reverse_proxy 127.0.0.1:18202
	}
	handle /garbage* {
		reverse_proxy 127.0.0.1:18204
	}
}
CONF

mkdir -p "$T/lighttpd/www" && cat >"$T/lighttpd/lighttpd.conf" <<CONF
server.modules = ("mod_proxy")
server.bind = "127.0.0.1"
server.port = 18151
server.document-root = "$T/lighttpd/www"
server.errorlog = "$T/lighttpd/error.log"
\$HTTP["url"] =~ "^/refused" { proxy.server = ("" => (("host" => "127.0.0.1", "port" => 18209))) }
\$HTTP["url"] =~ "^/timeout" { proxy.server = ("" => (("host" => "127.0.0.1", "port" => 18201, "read-timeout" => 1))) }
\$HTTP["url"] =~ "^/reset" { proxy.server = ("" => (("host" => "127.0.0.1", "port" => 18202))) }
\$HTTP["url"] =~ "^/garbage" { proxy.server = ("" => (("host" => "127.0.0.1", "port" => 18204))) }
CONF

mkdir -p "$T/squid" && cat >"$T/squid/squid.conf" <<CONF
http_port 127.0.0.1:18161 accel defaultsite=fixtures.localhost no-vhost
cache_peer 127.0.0.1 parent 18209 0 no-query originserver name=refused
cache_peer 127.0.0.1 parent 18201 0 no-query originserver name=slow
cache_peer 127.0.0.1 parent 18202 0 no-query originserver name=reset
cache_peer 127.0.0.1 parent 18204 0 no-query originserver name=garbage
acl p_refused urlpath_regex ^/refused
acl p_timeout urlpath_regex ^/timeout
acl p_reset urlpath_regex ^/reset
acl p_garbage urlpath_regex ^/garbage
cache_peer_access refused allow p_refused
cache_peer_access refused deny all
cache_peer_access slow allow p_timeout
cache_peer_access slow deny all
cache_peer_access reset allow p_reset
cache_peer_access reset deny all
cache_peer_access garbage allow p_garbage
cache_peer_access garbage deny all
never_direct allow all
http_access allow all
cache deny all
read_timeout 1 seconds
connect_retries 0
forward_max_tries 1
pid_filename $T/squid/squid.pid
access_log stdio:$T/squid/access.log
cache_log $T/squid/cache.log
cache_store_log none
coredump_dir $T/squid
shutdown_lifetime 1 second
CONF

mkdir -p "$T/h2o" && cat >"$T/h2o/h2o.conf" <<CONF
pid-file: $T/h2o/h2o.pid
error-log: $T/h2o/error.log
proxy.timeout.io: 1000
hosts:
  default:
    listen:
      host: 127.0.0.1
      port: 18171
    paths:
      /refused:
        proxy.reverse.url: http://127.0.0.1:18209/
      /timeout:
        proxy.reverse.url: http://127.0.0.1:18201/
      /reset:
        proxy.reverse.url: http://127.0.0.1:18202/
      /garbage:
        proxy.reverse.url: http://127.0.0.1:18204/
CONF

# Traffic Server reads its whole layout from a root: copy the stock config and point every directory into $T.
ATS="$T/ats"; mkdir -p "$ATS/etc" "$ATS/var/log" "$ATS/var/run" "$ATS/var/cache"
cp -r /etc/trafficserver/. "$ATS/etc/"
cat >"$ATS/runroot.yaml" <<CONF
prefix: $ATS
exec_prefix: /usr
bindir: /usr/bin
sbindir: /usr/sbin
sysconfdir: $ATS/etc
datadir: /usr/share/trafficserver
includedir: /usr/include
libdir: /usr/lib/trafficserver
libexecdir: /usr/lib/trafficserver/modules
localstatedir: $ATS/var
runtimedir: $ATS/var/run
logdir: $ATS/var/log
cachedir: $ATS/var/cache
CONF
cat >>"$ATS/etc/records.config" <<CONF
CONFIG proxy.config.http.server_ports STRING 18181
CONFIG proxy.config.http.connect_attempts_max_retries INT 0
CONFIG proxy.config.http.connect_attempts_max_retries_dead_server INT 0
CONFIG proxy.config.http.transaction_no_activity_timeout_out INT 1
CONFIG proxy.config.http.cache.http INT 0
CONFIG proxy.config.admin.user_id STRING nobody
CONFIG proxy.config.body_factory.template_sets_dir STRING /etc/trafficserver/body_factory
CONF
cat >"$ATS/etc/remap.config" <<CONF
map http://127.0.0.1:18181/refused http://127.0.0.1:18209/
map http://127.0.0.1:18181/timeout http://127.0.0.1:18201/
map http://127.0.0.1:18181/reset http://127.0.0.1:18202/
map http://127.0.0.1:18181/garbage http://127.0.0.1:18204/
CONF
echo "var/cache 64M" >"$ATS/etc/storage.config"
chown -R nobody "$T"

start caddy run --config "$T/caddy/Caddyfile" --adapter caddyfile
start lighttpd -D -f "$T/lighttpd/lighttpd.conf"
start squid -N -f "$T/squid/squid.conf"
start h2o -c "$T/h2o/h2o.conf"
start traffic_server --run-root="$ATS/runroot.yaml"
sleep 6

capture() { # name url gateway software scenario [log]
  as_nobody node "$T/capture-response.mjs" "$2" "$T/$1.json" "$3" "$4" "$5" "${6:-}" || echo "capture $1 failed"
}
L="$T/lighttpd/error.log"; S="$T/squid/cache.log"; H="$T/h2o/error.log"; A="$ATS/var/log/diags.log"
for pair in "refused:upstream port closed" "timeout:upstream accepts but never answers (1 s timer)" "reset:upstream reads the request then sends a TCP reset" "garbage:upstream answers bytes that are not HTTP"; do
  path="${pair%%:*}"; what="${pair#*:}"
  capture "caddy-$path" "http://127.0.0.1:18141/$path" caddy "$CADDY_VERSION" "$what"
  capture "lighttpd-$path" "http://127.0.0.1:18151/$path" lighttpd "$LIGHTTPD_VERSION" "$what" "$L"
  capture "squid-$path" "http://127.0.0.1:18161/$path" squid "$SQUID_VERSION" "$what" "$S"
  capture "h2o-$path" "http://127.0.0.1:18171/$path" h2o "$H2O_VERSION" "$what" "$H"
  capture "trafficserver-$path" "http://127.0.0.1:18181/$path" trafficserver "$ATS_VERSION" "$what" "$A"
done

mkdir -p "$OUT"
for file in "$T"/*.json; do cp "$file" "$OUT/"; done
echo "fixtures written to $OUT (work dir $T)"
