// What makes a site a DNS site at the API: a dns:// url, with the record type and answers it must give.
import type { DnsRecordType } from '@hopwatch/domain';
import { DnsCheckDto } from './dto/create-site.dto';

type Fields = { url?: string; hops?: unknown[]; dns?: DnsCheckDto };

export function isDnsSiteUrl(url: string | undefined): boolean {
  return url?.startsWith('dns:') ?? false;
}

/** Field errors for a DNS site without its expectation, or DNS-site settings on any other site. `current`: the stored settings on a change. */
export function dnsSiteMismatches(fields: Fields, isDnsSite: boolean, current: { dnsExpect: string[] | null } | null): string[] {
  if (!isDnsSite) {
    return fields.dns?.recordType !== undefined || fields.dns?.expect !== undefined ? ['dns.recordType and dns.expect apply only to dns:// sites'] : [];
  }
  return [
    ...(fields.dns?.expect === undefined && current?.dnsExpect == null ? ['dns.expect must list the answers a dns:// site must give'] : []),
    ...(fields.hops?.length ? ['hops do not apply to a dns:// site'] : []),
  ];
}

export function dnsSiteSettings(dns: DnsCheckDto | undefined, current: { dnsRecordType: DnsRecordType | null; dnsExpect: string[] | null } | null) {
  return { dnsRecordType: dns?.recordType ?? current?.dnsRecordType ?? 'A', dnsExpect: dns?.expect ?? current?.dnsExpect ?? [] };
}
