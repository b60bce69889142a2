import { emailMessageId, incidentThreadId, mailDomain } from './email.channel';

describe('email identifiers', () => {
  it.each([
    ['alerts@example.com', 'example.com'],
    ['"hopwatch" <Alerts@Mail.Example.com>', 'mail.example.com'],
    ['hopwatch', 'hopwatch.invalid'],
  ])('takes the Message-ID domain from %s', (from, domain) => {
    expect(mailDomain(from)).toBe(domain);
  });

  it('makes the Message-ID from the stable message id, so a resend has the same one', () => {
    expect(emailMessageId('evt-42-chan-3', 'example.com')).toBe('<evt-42-chan-3@example.com>');
  });

  it('keeps characters that would break the header out of the Message-ID', () => {
    expect(emailMessageId('a b<c>@d\r\n', 'example.com')).toBe('<a-b-c--d--@example.com>');
  });

  it('threads every email of one incident under one reference', () => {
    expect(incidentThreadId('inc-7', 'example.com')).toBe('<incident-inc-7@example.com>');
  });
});
