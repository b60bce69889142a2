// DNS sites: a name, a record type and the answers it must give on every resolver.

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

export const DNS_EXPECT_LIMITS = { maxValues: 20, maxLength: 512 } as const;

/** Names compare without case or trailing dot, and runs of spaces count as one (`10 mx.example.com.`). */
export function normaliseDnsValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/** The expected values missing from the answers; empty when every expected value was answered. */
export function missingDnsValues(answers: readonly string[], expected: readonly string[]): string[] {
  const given = new Set(answers.map(normaliseDnsValue));
  return expected.filter((value) => !given.has(normaliseDnsValue(value)));
}
