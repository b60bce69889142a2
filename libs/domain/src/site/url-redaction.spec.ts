import { originOnly, restoreHiddenPassword, withoutPassword } from './url-redaction';

describe('withoutPassword', () => {
  it.each([
    ['https://user:pass@example.com/health', 'https://user:***@example.com/health'],
    ['https://:pass@example.com/', 'https://:***@example.com/'],
    ['http://user@example.com/', 'http://user@example.com/'],
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['tcp://u:p@10.0.0.1:5432', 'tcp://u:***@10.0.0.1:5432'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, expected) => {
    expect(withoutPassword(url)).toBe(expected);
  });
});

describe('originOnly', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B1/secret', 'https://hooks.slack.com/***'],
    ['https://u:p@hooks.example.com:8443/x?token=abc', 'https://hooks.example.com:8443/***'],
    ['https://hooks.example.com/?token=abc', 'https://hooks.example.com/***'],
    ['https://hooks.example.com/', 'https://hooks.example.com/'],
    ['garbage', '***'],
  ])('%s → %s', (url, expected) => {
    expect(originOnly(url)).toBe(expected);
  });
});

describe('restoreHiddenPassword', () => {
  const stored = 'https://user:real-pass@example.com/health';
  it.each([
    ['the URL as the API showed it', 'https://user:***@example.com/health', stored, stored],
    ['a new password', 'https://user:new-pass@example.com/health', stored, 'https://user:new-pass@example.com/health'],
    ['the hidden password on another host', 'https://user:***@other.example.com/health', stored, 'https://user:***@other.example.com/health'],
    ['the hidden password for another user', 'https://admin:***@example.com/health', stored, 'https://admin:***@example.com/health'],
    ['no stored URL', 'https://user:***@example.com/health', undefined, 'https://user:***@example.com/health'],
    ['a URL without credentials', 'https://example.com/', stored, 'https://example.com/'],
  ])('keeps or replaces: %s', (_label, sent, before, expected) => {
    expect(restoreHiddenPassword(sent, before)).toBe(expected);
  });
});
