// Cloud instance-metadata services hand out credentials to whoever can reach them. They are denied by default
// wherever they sit (some inside ranges hopwatch allows: shared address space, unique-local IPv6) and can only be
// allowed by naming the exact address, never through a broader allowed range.
export type MetadataEndpoint = { address: string; provider: string };

export const METADATA_ENDPOINTS: readonly MetadataEndpoint[] = [
  { address: '169.254.169.254', provider: 'AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean, Hetzner, OpenStack' },
  { address: '169.254.170.2', provider: 'AWS ECS task metadata' },
  { address: '169.254.170.23', provider: 'AWS EKS Pod Identity' },
  { address: '169.254.0.23', provider: 'Tencent Cloud' },
  { address: '100.100.100.200', provider: 'Alibaba Cloud' },
  { address: '168.63.129.16', provider: 'Azure WireServer' },
  { address: '192.0.0.192', provider: 'Oracle Cloud (classic)' },
  { address: 'fd00:ec2::254', provider: 'AWS (IPv6)' },
  { address: 'fd00:ec2::23', provider: 'AWS EKS Pod Identity (IPv6)' },
  { address: 'fd20:ce::254', provider: 'Google Cloud (IPv6)' },
  { address: 'fd00:c1::a9fe:a9fe', provider: 'Oracle Cloud (IPv6)' },
];
