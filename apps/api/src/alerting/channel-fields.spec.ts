import { maskSecret, maskUrl, misplacedFields } from './channel-fields';
import { CreateAlertChannelDto } from './dto/alert-channel.dto';

const dto = (fields: Partial<CreateAlertChannelDto>): CreateAlertChannelDto => Object.assign(new CreateAlertChannelDto(), { name: 'x', ...fields });

describe('misplacedFields', () => {
  it.each([
    { given: dto({ kind: 'slack', url: 'https://hooks.slack.com/x' }), problems: [] },
    { given: dto({ kind: 'ntfy', url: 'https://ntfy.example', topic: 't', token: 'tk' }), problems: [] },
    { given: dto({ kind: 'slack', url: 'https://hooks.slack.com/x', botToken: '1:abc' }), problems: ['botToken does not apply to slack channels'] },
    { given: dto({ kind: 'email', to: ['a@example.com'], url: 'https://x.example', routingKey: 'k' }), problems: ['url does not apply to email channels', 'routingKey does not apply to email channels'] },
    { given: dto({ kind: 'pagerduty', routingKey: 'k', topic: 't' }), problems: ['topic does not apply to pagerduty channels'] },
  ])('$given.kind with $given → $problems', ({ given, problems }) => {
    expect(misplacedFields(given)).toEqual(problems);
  });
});

describe('masking secrets', () => {
  it.each([
    ['R0123456789ABCDEF0123456789ABCDE', '…BCDE'],
    ['short-secret', '…'],
  ])('maskSecret(%s) → %s', (secret, shown) => {
    expect(maskSecret(secret)).toBe(shown);
  });

  it.each([
    ['https://hooks.slack.com/services/T000/B000/abcdefghwxyz', 'https://hooks.slack.com/…wxyz'],
    ['https://discord.com/api/webhooks/1/tokenTOKENtoken', 'https://discord.com/…oken'],
    ['not a url but long enough', '…ough'],
  ])('maskUrl(%s) → %s', (url, shown) => {
    expect(maskUrl(url)).toBe(shown);
  });
});
