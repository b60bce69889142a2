import { anAlertMessage, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { DISCORD_COLOURS, discordMessage, escapeDiscord } from './discord-embed';

describe('discordMessage', () => {
  it('sends one embed linking to the incident, and pings nobody', () => {
    const message = discordMessage(anAlertMessage());
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed).toMatchObject({
      title: 'DOWN shop — origin_down at app (nginx)',
      url: 'https://hopwatch.example/incidents/inc-7',
      color: DISCORD_COLOURS.down,
      timestamp: '2025-11-22T00:00:30.000Z',
      description: 'shop is DOWN.\n\napp refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
    });
    expect(embed.fields).toEqual(expect.arrayContaining([
      { name: 'Site', value: 'shop', inline: true },
      { name: 'State', value: 'open', inline: true },
      { name: 'Cause', value: 'origin\\_down', inline: true },
      { name: 'Failing hop', value: 'app', inline: true },
      { name: 'Gateway', value: 'nginx', inline: true },
    ]));
  });

  it.each([
    { name: 'a resolution', message: aResolvedMessage(), colour: DISCORD_COLOURS.up, url: true },
    { name: 'a test', message: aTestMessage(), colour: DISCORD_COLOURS.info, url: false },
  ])('colours $name and links it only when there is an incident', ({ message, colour, url }) => {
    const [embed] = discordMessage(message).embeds;
    expect(embed.color).toBe(colour);
    expect('url' in embed).toBe(url);
  });

  it('keeps a long summary within the 4096-character description', () => {
    const message = anAlertMessage();
    message.incident!.diagnosis.summary = 'y'.repeat(5000);
    expect(discordMessage(message).embeds[0].description).toHaveLength(4096);
  });

  it.each([
    ['*prod* shop', '\\*prod\\* shop'],
    ['a_b`c`', 'a\\_b\\`c\\`'],
  ])('escapes markdown in %s', (value, expected) => {
    expect(escapeDiscord(value)).toBe(expected);
  });
});
