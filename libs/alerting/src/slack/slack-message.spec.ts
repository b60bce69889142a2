import { anAlertMessage, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { escapeSlack, slackMessage } from './slack-message';

describe('slackMessage', () => {
  it('lays an opened incident out in Block Kit: header, headline, facts, summary, button', () => {
    const message = slackMessage(anAlertMessage());
    expect(message.text).toBe('DOWN shop — origin_down at app (nginx)');
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'actions']);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'DOWN shop — origin_down at app (nginx)', emoji: true } });
    expect(message.blocks[2]).toMatchObject({
      fields: expect.arrayContaining([
        { type: 'mrkdwn', text: '*Site*\nshop' },
        { type: 'mrkdwn', text: '*Cause*\norigin_down' },
        { type: 'mrkdwn', text: '*Failing hop*\napp' },
        { type: 'mrkdwn', text: '*Gateway*\nnginx' },
        { type: 'mrkdwn', text: '*State*\nopen' },
      ]),
    });
    expect(message.blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Summary*\napp refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.' } });
    expect(message.blocks[4]).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: 'https://hopwatch.example/incidents/inc-7' }],
    });
  });

  it.each([
    { name: 'a resolution', message: aResolvedMessage(), blocks: ['header', 'section', 'section', 'section', 'actions'] },
    { name: 'a test', message: aTestMessage(), blocks: ['header', 'section'] },
  ])('sends $name as blocks $blocks', ({ message, blocks }) => {
    expect(slackMessage(message).blocks.map((block) => block.type)).toEqual(blocks);
  });

  it('keeps within Block Kit limits: header 150 characters, at most 10 fields', () => {
    const long = slackMessage(anAlertMessage({ site: { id: 's', name: 'x'.repeat(400), url: 'https://shop.example/' } }));
    const header = long.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect((long.blocks[2] as { fields: unknown[] }).fields.length).toBeLessThanOrEqual(10);
  });

  it.each([
    ['<!channel> & co', '&lt;!channel&gt; &amp; co'],
    ['plain', 'plain'],
  ])('escapes %s as %s, so a site name cannot ping a channel', (value, expected) => {
    expect(escapeSlack(value)).toBe(expected);
  });
});
