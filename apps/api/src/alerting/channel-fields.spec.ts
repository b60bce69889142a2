import { channelFields, channelRow, maskSecret, maskUrl } from './channel-fields';
import { CreateAlertChannelDto } from './dto/alert-channel.dto';

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

describe('channelRow and channelFields', () => {
  const seal = (plain: string) => `sealed(${plain})`;
  const dto = (fields: Partial<CreateAlertChannelDto>): CreateAlertChannelDto => Object.assign(new CreateAlertChannelDto(), { name: 'x', ...fields });
  const shown = (row: ReturnType<typeof channelRow>, scope: 'read' | 'write') =>
    channelFields({ ...row, id: 'c', settings: row.settings ?? {}, credential: row.credential ?? null, createdAt: new Date() }, scope);

  it.each([
    { given: dto({ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/abcdefwxyz' }), stored: 'sealed(https://hooks.slack.com/services/T/B/abcdefwxyz)', write: { url: 'https://hooks.slack.com/…wxyz' } },
    { given: dto({ kind: 'telegram', botToken: '123:ABCDEFGHIJKLMNOPwxyz', chatId: '42' }), stored: 'sealed(123:ABCDEFGHIJKLMNOPwxyz)', write: { botToken: '…wxyz', chatId: '42' } },
    { given: dto({ kind: 'pagerduty', routingKey: 'R0123456789ABCDEF0123456789Awxyz' }), stored: 'sealed(R0123456789ABCDEF0123456789Awxyz)', write: { routingKey: '…wxyz' } },
    { given: dto({ kind: 'ntfy', topic: 'ops', token: 'tk_0123456789abcwxyz' }), stored: 'sealed(tk_0123456789abcwxyz)', write: { url: 'https://ntfy.sh', topic: 'ops', token: '…wxyz' } },
    { given: dto({ kind: 'ntfy', topic: 'ops', url: 'https://ntfy.example.com' }), stored: null, write: { url: 'https://ntfy.example.com', topic: 'ops' } },
  ])('stores a $given.kind secret sealed and shows $write', ({ given, stored, write }) => {
    const row = channelRow(given, null, seal);
    expect(row.credential ?? null).toBe(stored);
    expect(shown(row, 'write')).toEqual(write);
  });

  it('seals the webhook secret and hides the ntfy topic from read keys', () => {
    expect(channelRow(dto({ kind: 'webhook', url: 'https://hooks.example.com/x' }), 'whsec_abc', seal).webhookSecret).toBe('sealed(whsec_abc)');
    expect(shown(channelRow(dto({ kind: 'ntfy', topic: 'secret-topic' }), null, seal), 'read')).toEqual({ url: 'https://ntfy.sh/' });
  });
});
