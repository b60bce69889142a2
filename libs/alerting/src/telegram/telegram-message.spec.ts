import { anAlertMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { telegramMessage, telegramSendMessageUrl } from './telegram-message';

describe('telegramMessage', () => {
  it('sends HTML with the title in bold, one fact a line, the summary and the incident link', () => {
    const message = telegramMessage(anAlertMessage(), '-1001234567890');
    expect(message).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(message.text.split('\n')).toEqual([
      '<b>DOWN shop — origin_down at app (nginx)</b>',
      'shop is DOWN.',
      '',
      '<b>Site:</b> shop',
      '<b>URL:</b> https://shop.example/',
      '<b>State:</b> open',
      '<b>Cause:</b> origin_down',
      '<b>Failing hop:</b> app',
      '<b>Reported by:</b> proxy',
      '<b>Gateway:</b> nginx',
      '<b>Pattern:</b> persistent',
      '<b>Regions:</b> default',
      '',
      'app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
      '',
      '<a href="https://hopwatch.example/incidents/inc-7">Open incident</a>',
    ]);
  });

  it('escapes HTML in names, so a site called <b>x</b> stays text', () => {
    const text = telegramMessage(anAlertMessage({ site: { id: 's', name: '<b>x</b> & y', url: 'https://shop.example/' } }), '1').text;
    expect(text).toContain('<b>Site:</b> &lt;b&gt;x&lt;/b&gt; &amp; y');
  });

  it('keeps a very long summary under the 4096-character limit', () => {
    const message = anAlertMessage();
    message.incident!.diagnosis.summary = 'z'.repeat(10_000);
    expect(telegramMessage(message, '1').text.length).toBeLessThanOrEqual(4096);
  });

  it('sends a test without facts or link', () => {
    expect(telegramMessage(aTestMessage(), '@ops_room').text).toBe('<b>test notification</b>\nThis is a test notification from hopwatch. If you can read it, the channel works.');
  });

  it.each([
    ['https://api.telegram.org', 'https://api.telegram.org/bot123:ABC/sendMessage'],
    ['http://127.0.0.1:8081/', 'http://127.0.0.1:8081/bot123:ABC/sendMessage'],
  ])('calls sendMessage under %s', (base, url) => {
    expect(telegramSendMessageUrl(base, '123:ABC')).toBe(url);
  });
});
