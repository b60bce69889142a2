// Where each gateway writes down why it failed, per situation: the log line to grep or the setting to compare.
// {upstream} is the failing hop's host:port, {hop} its name. nginx, HAProxy, Apache and Varnish lines were checked
// against the real products (libs/domain/scripts/record-fixtures.sh keeps each capture's log lines); the others
// follow research/502-signatures-and-reliability.md.
import type { Gateway } from '../fingerprint/gateway';

export type Situation = 'refused' | 'connect_timeout' | 'response_timeout' | 'reset' | 'invalid' | 'tls' | 'unavailable' | 'misconfigured' | 'keepalive';

export const GATEWAY_LOG_HINTS: Partial<Record<Gateway, Partial<Record<Situation | 'any', string>>>> = {
  nginx: {
    refused: `grep nginx's error.log for "connect() failed (111: Connection refused) while connecting to upstream"; its upstream: "http://…" part is the address nginx dials (expected {upstream})`,
    connect_timeout: `grep nginx's error.log for "upstream timed out (110: Connection timed out) while connecting to upstream" (proxy_connect_timeout, 60 s by default): packets to {upstream} are dropped or the address is wrong`,
    response_timeout: `grep nginx's error.log for "upstream timed out (110: Connection timed out) while reading response header from upstream" and compare proxy_read_timeout (60 s by default) with how long {hop} takes`,
    reset: `grep nginx's error.log for "recv() failed (104: Connection reset by peer) while reading response header from upstream" and "upstream prematurely closed connection while reading response header from upstream"`,
    invalid: `grep nginx's error.log for "upstream sent no valid HTTP/1.0 header" or "upstream sent invalid header" (nginx relays a non-HTTP reply as HTTP/0.9, so clients may see garbage instead of a 502)`,
    tls: `grep nginx's error.log for "SSL_do_handshake() failed … while SSL handshaking to upstream"; set "proxy_ssl_server_name on;" (off by default) so nginx sends SNI, and check proxy_ssl_verify / proxy_ssl_trusted_certificate`,
    unavailable: `grep nginx's error.log for "no live upstreams while connecting to upstream": every server in the upstream{} block is marked failed (max_fails / fail_timeout); the errors just before it say why`,
    misconfigured: `compare the proxy_pass / upstream{} address in nginx's loaded config ("nginx -T") with where {hop} listens ({upstream}); the error.log line's upstream: "…" shows what nginx really dials`,
    keepalive: `if nginx keeps upstream connections alive (keepalive in upstream{}), make {hop}'s idle keep-alive timeout longer than nginx's keepalive_timeout there; rare "upstream prematurely closed connection" lines confirm the race`,
  },
  'ingress-nginx': {
    any: `kubectl get endpoints for the Service behind the Ingress (no ready endpoints gives 503); check readiness probes and a preStop delay so pods leave the endpoints before they stop; the controller's log has the nginx error lines`,
  },
  haproxy: {
    refused: `in HAProxy's log, look for termination state "SC--" (the server refused; HAProxy retries, then answers 503 "No server is available") and check the server line points at {upstream}`,
    connect_timeout: `in HAProxy's log, look for "sC--": "timeout connect" expired before {upstream} accepted`,
    response_timeout: `in HAProxy's log, look for "sH--" (the Tr timer reached "timeout server"); compare "timeout server" with how long {hop} takes`,
    reset: `in HAProxy's log, look for "SH--": the server aborted before sending complete headers (crash, reset or a closed keep-alive connection)`,
    invalid: `in HAProxy's log, look for "PH--": HAProxy refused the server's answer as invalid; "show errors" on the stats socket shows the bytes`,
    unavailable: `check the stats page or "show servers state": every server in the backend is DOWN (health checks), hence 503 "No server is available" and "<NOSRV>" in the log`,
    tls: `check the server line's ssl / verify / sni options and the log's SSL handshake failures for {upstream}`,
    misconfigured: `compare the backend's server address in haproxy.cfg with where {hop} listens ({upstream}); "haproxy -c -f haproxy.cfg" validates the file`,
    keepalive: `make {hop}'s idle keep-alive timeout longer than HAProxy's reuse of server connections ("timeout http-keep-alive" / http-reuse); scattered "SH--" lines confirm the race`,
  },
  apache: {
    refused: `grep Apache's error_log for "AH00957" and "AH01114: HTTP: failed to make connection to backend"; after a failure the worker stays in error for retry= (60 s by default), so 503s linger after {hop} is back`,
    connect_timeout: `grep Apache's error_log for "AH00957" with "(110)Connection timed out"; check connectiontimeout= on the ProxyPass line for {upstream}`,
    response_timeout: `grep Apache's error_log for "AH01102: error reading status line from remote server" with "(70007)The timeout specified has expired"; compare ProxyTimeout / timeout= with how long {hop} takes (mod_proxy answers 502 here, not 504)`,
    reset: `grep Apache's error_log for "AH01102: error reading status line from remote server" with "(104)Connection reset by peer", and "AH00898: Error reading from remote server"`,
    invalid: `mod_proxy passes a non-HTTP reply on as HTTP/0.9 with status 200, so compare the page with what {hop} sends directly`,
    tls: `check SSLProxyEngine, SSLProxyVerify and SSLProxyCheckPeerName for {upstream} and the SSL handshake errors in error_log`,
    misconfigured: `compare the ProxyPass / BalancerMember address with where {hop} listens ({upstream}); "apachectl -S" shows the loaded virtual hosts`,
  },
  varnish: {
    refused: `run varnishlog -g request -q 'FetchError': "fail errno 111 (Connection refused)" for the backend at {upstream}`,
    response_timeout: `run varnishlog -q 'FetchError': "first byte timeout"; compare the backend's .first_byte_timeout with how long {hop} takes`,
    reset: `run varnishlog -q 'FetchError': "HTC eof" means the backend closed or reset the connection before answering`,
    unavailable: `run varnishadm backend.list: backends marked sick by their probes`,
    misconfigured: `compare the backend .host/.port in the VCL with where {hop} listens ({upstream})`,
  },
  envoy: {
    refused: `in Envoy's access log %RESPONSE_FLAGS% shows UF with "delayed connect error: 111"; check the cluster's endpoints point at {upstream}`,
    connect_timeout: `UF in %RESPONSE_FLAGS% after the cluster's connect_timeout: packets to {upstream} are dropped`,
    response_timeout: `UT in %RESPONSE_FLAGS%: the route timeout (15 s by default) expired before {hop} answered`,
    reset: `UC or UR in %RESPONSE_FLAGS% (upstream_reset_before_response_started{connection_termination}): {hop} closed or reset the connection`,
    invalid: `UPE in %RESPONSE_FLAGS%: {hop} spoke invalid HTTP (HTTP/2 versus HTTP/1.1, bad headers)`,
    unavailable: `UH in %RESPONSE_FLAGS% ("no healthy upstream"): check the cluster's health checks and outlier detection`,
    tls: `the reply's "transport failure reason: TLS_error" names the failure; check the cluster's UpstreamTlsContext (sni, trusted CA) for {upstream}`,
  },
  traefik: {
    any: `compare OriginStatus and DownstreamStatus in Traefik's access log and the service's server health on the dashboard for {upstream}`,
    response_timeout: `check serversTransport forwardingTimeouts.responseHeaderTimeout against how long {hop} takes`,
  },
  caddy: {
    refused: `Caddy's log shows "dial tcp {upstream}: connect: connection refused"`,
    response_timeout: `check reverse_proxy's transport http { dial_timeout / response_header_timeout } against how long {hop} takes`,
    any: `Caddy's error log entry for the request names the upstream and the dial or read error`,
  },
  'aws-alb': {
    any: `compare CloudWatch HTTPCode_ELB_502_Count with HTTPCode_Target_5XX_Count, and elb_status_code with target_status_code in the access log; check the target group's health`,
    keepalive: `make the target's keep-alive idle timeout longer than the ALB idle timeout (60 s by default); Node.js keeps 5 s unless server.keepAliveTimeout is raised`,
  },
  'aws-elb': { any: `check the Classic ELB's CloudWatch SurgeQueueLength / SpilloverCount and BackendConnectionErrors, and the instances' health` },
  cloudfront: { any: `look up the X-Amz-Cf-Id in CloudFront's logs; check the origin's certificate names match the origin domain, and the origin response timeout (30 s by default)` },
  'gcp-lb': {
    any: `read statusDetails in the load balancer's request logs (failed_to_connect_to_backend, backend_timeout, backend_connection_closed_before_data_sent_to_client, failed_to_pick_backend)`,
    keepalive: `make the backend's keep-alive idle timeout longer than 600 s (the Google front end's) to stop backend_connection_closed_before_data_sent_to_client`,
  },
  fastly: { any: `read the synthetic error's reason (first byte timeout, backend read error, backend unhealthy); compare bereq.first_byte_timeout (15 s by default) with {hop}; x-served-by names the cache node` },
  akamai: { any: `decode the page's "Reference #" with Akamai's error translator to see the edge's reason (a #30 reference is an origin TLS failure)` },
  'azure-front-door': { any: `look up the x-azure-ref in Front Door's access log (ErrorInfo OriginTimeout / OriginInvalidResponse) and check the origin response timeout (30 s by default) and health probes` },
  // lighttpd, Squid, h2o and Traffic Server: lines and pages as recorded by libs/domain/scripts/record-more-fixtures.sh
  lighttpd: {
    refused: `grep lighttpd's server.errorlog for "all handlers for … are down" (it answers 503 and keeps the backend disabled for a while) and check the proxy.server host/port for {upstream}`,
    response_timeout: `grep lighttpd's server.errorlog for "read timeout on socket: tcp:{upstream}" and compare the proxy.server "read-timeout" with how long {hop} takes`,
    reset: `grep lighttpd's server.errorlog for "response not received, request sent … on socket: tcp:{upstream}" (lighttpd answers 500 for a reset, not 502)`,
    any: `read lighttpd's server.errorlog (gw_backend.c lines) around the failures; they name the socket tcp:{upstream}`,
  },
  squid: {
    any: `read the X-Squid-Error header and the page's error id (ERR_CONNECT_FAIL, ERR_READ_ERROR 104 = reset, ERR_READ_TIMEOUT = read_timeout expired, ERR_ZERO_SIZE_OBJECT) and Squid's cache.log for the cache_peer {upstream}`,
  },
  h2o: {
    any: `grep h2o's error-log for "[lib/core/proxy.c] in request:…" (connection failed = refused, I/O error (head) = reset, I/O timeout = proxy.timeout.io expired, failed to parse the response = not HTTP) for {upstream}`,
  },
  trafficserver: {
    any: `read Traffic Server's error page title (Could Not Connect, Inactivity Timeout, Web Server Error) and its error.log / diags.log for the origin {upstream}; compare proxy.config.http.transaction_no_activity_timeout_out with how long {hop} takes`,
  },
  heroku: { any: `run heroku logs --tail and read the router lines' code= (H10 app crashed, H12 30 s request timeout, H13 connection closed without response, H20 boot timeout)` },
};

export function gatewayLogHint(gateway: Gateway, situation: Situation | null, values: { upstream: string; hop: string }): string | null {
  const hints = GATEWAY_LOG_HINTS[gateway];
  const template = (situation && hints?.[situation]) || hints?.any;
  return template ? template.replace(/\{upstream\}/g, values.upstream).replace(/\{hop\}/g, values.hop) : null;
}
