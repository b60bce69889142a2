import { anAlertMessage, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { teamsMessage } from './teams-card';

describe('teamsMessage', () => {
  it('wraps one Adaptive Card in a Workflows message', () => {
    const message = teamsMessage(anAlertMessage());
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    const card = message.attachments[0].content;
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'DOWN shop — origin_down at app (nginx)', weight: 'Bolder', color: 'Attention' });
    expect(card.body[2]).toMatchObject({
      type: 'FactSet',
      facts: expect.arrayContaining([{ title: 'Site', value: 'shop' }, { title: 'Cause', value: 'origin_down' }, { title: 'Failing hop', value: 'app' }, { title: 'Gateway', value: 'nginx' }]),
    });
    expect(card.body[3]).toMatchObject({ type: 'TextBlock', text: 'app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.' });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open incident', url: 'https://hopwatch.example/incidents/inc-7' }]);
  });

  it.each([
    { name: 'an opened incident', message: anAlertMessage(), colour: 'Attention' },
    { name: 'an update', message: anAlertMessage({ type: 'incident.updated' }), colour: 'Warning' },
    { name: 'a resolution', message: aResolvedMessage(), colour: 'Good' },
    { name: 'a test', message: aTestMessage(), colour: 'Accent' },
  ])('colours the title of $name $colour', ({ message, colour }) => {
    expect(teamsMessage(message).attachments[0].content.body[0]).toMatchObject({ color: colour });
  });

  it('has no action when there is no link', () => {
    expect(teamsMessage(aTestMessage()).attachments[0].content.actions).toEqual([]);
  });
});
