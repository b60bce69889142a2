import { anAlertMessage, anIncident, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { ntfyMessage } from './ntfy-message';

describe('ntfyMessage', () => {
  it('publishes an opened incident to the topic with title, urgent priority, tags and a view action', () => {
    const message = ntfyMessage(anAlertMessage(), 'ops-alerts');
    expect(message).toMatchObject({
      topic: 'ops-alerts',
      title: 'DOWN shop — origin_down at app (nginx)',
      priority: 5,
      tags: ['rotating_light', 'origin_down'],
      click: 'https://hopwatch.example/incidents/inc-7',
      actions: [{ action: 'view', label: 'Open incident', url: 'https://hopwatch.example/incidents/inc-7' }],
    });
    expect(message.message.split('\n')).toEqual(expect.arrayContaining(['shop is DOWN.', 'Site: shop', 'Cause: origin_down', 'Failing hop: app', 'Gateway: nginx', 'State: open', 'app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.']));
  });

  it.each([
    { name: 'opened', message: anAlertMessage(), priority: 5, tags: ['rotating_light', 'origin_down'] },
    { name: 'updated', message: anAlertMessage({ type: 'incident.updated' }), priority: 4, tags: ['warning', 'origin_down'] },
    { name: 'flapping', message: anAlertMessage({ type: 'incident.flapping', incident: anIncident({ flapping: true }) }), priority: 4, tags: ['warning', 'origin_down'] },
    { name: 'resolved', message: aResolvedMessage(), priority: 3, tags: ['white_check_mark'] },
    { name: 'test', message: aTestMessage(), priority: 3, tags: ['bell'] },
  ])('$name → priority $priority, tags $tags', ({ message, priority, tags }) => {
    expect(ntfyMessage(message, 't')).toMatchObject({ priority, tags });
  });

  it('has no click or action without a link', () => {
    const message = ntfyMessage(aTestMessage(), 't');
    expect(message.click).toBeUndefined();
    expect(message.actions).toBeUndefined();
  });
});
