// Products that sit at the edge and filter clients (WAF, rate limits, IP rules) rather than proxy to one origin.
import type { Gateway } from '../fingerprint/gateway';

export const GATEWAY_EDGE_PRODUCTS: readonly Gateway[] = ['cloudflare', 'cloudfront', 'akamai', 'fastly', 'azure-front-door', 'gcp-lb', 'aws-alb'];
