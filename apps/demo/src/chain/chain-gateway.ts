// The two gateways in front of the demo app: an edge (the site's entry) and a reverse proxy.
export type ChainPorts = { edge: number; proxy: number; app: number };

export type ChainGateway = {
  /** What produces the chain's error pages: "nginx" or the demo's own small Node gateway. */
  product: string;
  /** Point the proxy at another upstream port (a wrong port reproduces a misconfigured proxy). */
  setProxyUpstream(port: number): Promise<void>;
  /** Make the edge refuse one source address (a region) with 403, as an IP filter or WAF does; null lifts it. */
  blockSource(address: string | null): Promise<void>;
  /** Process ids it started, so a caller can check they are gone. */
  pids(): number[];
  stop(): Promise<void>;
};

/** Seconds the proxy waits for the app's answer; the "slow app" scenario goes past it. */
export const PROXY_READ_TIMEOUT_SECONDS = 3;
