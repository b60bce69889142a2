// The products that can write the error page a probe receives; `unknown` when nothing identifies one.
export const GATEWAYS = [
  'nginx',
  'haproxy',
  'envoy',
  'apache',
  'traefik',
  'caddy',
  'varnish',
  'cloudflare',
  'aws-alb',
  'aws-elb',
  'cloudfront',
  'gcp-lb',
  'fastly',
  'akamai',
  'azure-front-door',
  'heroku',
  'ingress-nginx',
  'unknown',
] as const;
export type Gateway = (typeof GATEWAYS)[number];

/** How each product is named in sentences people read. */
export const GATEWAY_LABELS: Record<Gateway, string> = {
  nginx: 'nginx',
  haproxy: 'HAProxy',
  envoy: 'Envoy',
  apache: 'Apache httpd',
  traefik: 'Traefik',
  caddy: 'Caddy',
  varnish: 'Varnish',
  cloudflare: 'Cloudflare',
  'aws-alb': 'AWS ALB',
  'aws-elb': 'AWS Classic ELB',
  cloudfront: 'CloudFront',
  'gcp-lb': 'Google Cloud Load Balancing',
  fastly: 'Fastly',
  akamai: 'Akamai',
  'azure-front-door': 'Azure Front Door',
  heroku: 'the Heroku router',
  'ingress-nginx': 'ingress-nginx',
  unknown: 'an unidentified gateway',
};
