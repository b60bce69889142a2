import { aDiagnosis, anAlertMessage, anIncident, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { chatNotice, truncate } from './chat-notice';

describe('chatNotice', () => {
  it.each([
    { name: 'an opened incident', message: anAlertMessage(), title: 'DOWN shop — origin_down at app (nginx)', tone: 'down', headline: 'shop is DOWN.' },
    { name: 'an update', message: anAlertMessage({ type: 'incident.updated' }), title: 'UPDATED shop — origin_down at app (nginx)', tone: 'warning', headline: 'The incident on shop changed.' },
    { name: 'a flapping notice', message: anAlertMessage({ type: 'incident.flapping', incident: anIncident({ flapping: true }) }), title: 'FLAPPING shop', tone: 'warning', headline: expect.stringMatching(/^shop is FLAPPING/) },
    { name: 'a resolution', message: aResolvedMessage(252), title: 'RESOLVED shop after 4m 12s', tone: 'up', headline: 'shop is back UP after 4m 12s.' },
    { name: 'a test', message: aTestMessage(), title: 'test notification', tone: 'info', headline: expect.stringMatching(/^This is a test notification/) },
    { name: 'an incident in maintenance', message: anAlertMessage({ incident: anIncident({ inMaintenance: true }) }), title: 'DOWN shop — origin_down at app (nginx) [maintenance]', tone: 'down', headline: 'shop is DOWN.' },
    { name: 'a site name with a line break', message: anAlertMessage({ site: { id: 's', name: 'shop\nprod', url: 'https://shop.example/' } }), title: 'DOWN shop prod — origin_down at app (nginx)', tone: 'down', headline: 'shop\nprod is DOWN.' },
  ])('$name → "$title"', ({ message, title, tone, headline }) => {
    expect(chatNotice(message)).toMatchObject({ title, tone, headline });
  });

  it('states site, state, cause, failing hop, gateway, summary and link of an incident', () => {
    const notice = chatNotice(anAlertMessage({ incident: anIncident({ regions: ['eu', 'us'] }) }));
    expect(notice.facts).toEqual([
      { label: 'Site', value: 'shop' },
      { label: 'URL', value: 'https://shop.example/' },
      { label: 'State', value: 'open' },
      { label: 'Cause', value: 'origin_down' },
      { label: 'Failing hop', value: 'app' },
      { label: 'Reported by', value: 'proxy' },
      { label: 'Gateway', value: 'nginx' },
      { label: 'Pattern', value: 'persistent' },
      { label: 'Regions', value: 'eu, us' },
    ]);
    expect(notice.summary).toBe('app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.');
    expect(notice.link).toBe('https://hopwatch.example/incidents/inc-7');
  });

  it('leaves out what is unknown, and adds the duration once resolved', () => {
    const unknown = chatNotice(anAlertMessage({ incident: anIncident({ diagnosis: aDiagnosis({ failingHop: null, reportedBy: null, gateway: 'unknown' }) }) }));
    expect(unknown.facts.map((fact) => fact.label)).toEqual(['Site', 'URL', 'State', 'Cause', 'Pattern', 'Regions']);
    expect(chatNotice(aResolvedMessage(90)).facts).toEqual(expect.arrayContaining([{ label: 'State', value: 'resolved' }, { label: 'Duration', value: '1m 30s' }]));
    expect(chatNotice(aTestMessage())).toMatchObject({ facts: [], summary: null, link: null });
  });
});

describe('truncate', () => {
  it.each([
    ['abc', 5, 'abc'],
    ['abcde', 5, 'abcde'],
    ['abcdef', 5, 'abcd…'],
  ])('%s to %i → %s', (value, max, expected) => {
    expect(truncate(value, max)).toBe(expected);
  });
});
