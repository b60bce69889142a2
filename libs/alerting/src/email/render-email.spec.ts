import { aCertificateMessage, aDiagnosis, anAlertMessage, anIncident, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { formatDuration } from './email-facts';
import { escapeHtml, renderEmail, renderSubject } from './render-email';

describe('renderSubject', () => {
  it.each([
    ['an opened incident', anAlertMessage(), '[hopwatch] DOWN shop — origin_down at app (nginx)'],
    ['an update', anAlertMessage({ type: 'incident.updated', incident: anIncident({ diagnosis: aDiagnosis({ cause: 'origin_timeout', gateway: 'haproxy' }) }) }), '[hopwatch] UPDATED shop — origin_timeout at app (HAProxy)'],
    ['an unknown gateway and no failing hop', anAlertMessage({ incident: anIncident({ diagnosis: aDiagnosis({ cause: 'dns_failure', gateway: 'unknown', failingHop: null }) }) }), '[hopwatch] DOWN shop — dns_failure'],
    ['a resolved incident', aResolvedMessage(252), '[hopwatch] RESOLVED shop after 4m 12s'],
    ['a flapping notice', anAlertMessage({ type: 'incident.flapping' }), '[hopwatch] FLAPPING shop'],
    ['a test', aTestMessage(), '[hopwatch] test notification'],
    ['a certificate warning', aCertificateMessage(), '[hopwatch] CERTIFICATE shop — origin expires in 2 days'],
    ['an incident in maintenance', anAlertMessage({ incident: anIncident({ inMaintenance: true }) }), '[hopwatch] [maintenance] DOWN shop — origin_down at app (nginx)'],
  ])('names %s', (_name, message, subject) => {
    expect(renderSubject(message)).toBe(subject);
  });

  it('keeps line breaks in a site name out of the Subject header', () => {
    const message = anAlertMessage({ site: { id: 's', name: 'shop\r\nBcc: victim@example.com', url: 'https://shop.example/' } });
    expect(renderSubject(message)).toBe('[hopwatch] DOWN shop Bcc: victim@example.com — origin_down at app (nginx)');
  });
});

describe('renderEmail', () => {
  it('states every fact of an opened incident in the text part', () => {
    const { text } = renderEmail(anAlertMessage({ incident: anIncident({ regions: ['eu', 'us'], diagnosis: aDiagnosis({ hints: ['deploy_window'] }) }) }));
    for (const line of [
      'shop is DOWN.',
      'Site:         shop',
      'URL:          https://shop.example/',
      'State:        open',
      'Pattern:      persistent',
      'Cause:        origin_down',
      'Failing hop:  app',
      'Reported by:  proxy',
      'Gateway:      nginx',
      'Confidence:   90%',
      'Proxy-Status: connection_refused',
      'Also noticed: deploy_window',
      'Regions:      eu, us',
      'Started:      2025-11-22 00:00:00 UTC',
      'app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
      '- Check that something listens on 10.0.0.3:3000.',
      '- Look at the app logs around the start time.',
      '- app refused the connection',
      'Incident: https://hopwatch.example/incidents/inc-7',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('Resolved:');
  });

  it('adds the resolve time and duration once resolved', () => {
    const { text, html } = renderEmail(aResolvedMessage(252));
    expect(text).toContain('shop is back UP after 4m 12s.');
    expect(text).toMatch(/Resolved: +2025-11-22 00:04:12 UTC/);
    expect(text).toMatch(/Duration: +4m 12s/);
    expect(html).toContain('<th align="left" style="padding:2px 12px 2px 0">Duration</th><td>4m 12s</td>');
  });

  it('says in a resolved notice what it was, how long, and that it is over, without next steps or evidence', () => {
    const { text, html } = renderEmail(aResolvedMessage(252));
    expect(text).toContain(
      'It was persistent: the origin was down (failing hop: app). It lasted 4m 12s, from 2025-11-22 00:00:00 UTC to 2025-11-22 00:04:12 UTC. It is over: the checks pass again.',
    );
    for (const part of [text, html]) {
      expect(part).not.toMatch(/Next steps/);
      expect(part).not.toMatch(/Evidence/);
      expect(part).not.toContain('Check that something listens');
    }
  });

  it('lists every site of a root incident in one notice', () => {
    const { text } = renderEmail(anAlertMessage({ incident: anIncident({ affectedSites: ['shop', 'blog', 'api'] }) }));
    expect(text).toContain('shop and 2 other sites are DOWN, failing at one shared hop.');
    expect(text).toMatch(/Affected sites: +3: shop, blog, api/);
  });

  it('says in a root incident\'s resolved notice how many sites it affected and for how long', () => {
    const message = aResolvedMessage(252);
    const { text } = renderEmail({ ...message, incident: { ...message.incident!, affectedSites: ['shop', 'blog', 'api'] } });
    expect(text).toContain('shop and 2 other sites are back UP after 4m 12s.');
    expect(text).toContain('It lasted 4m 12s, from 2025-11-22 00:00:00 UTC to 2025-11-22 00:04:12 UTC. It affected 3 sites failing at that shared hop; the last of them has recovered.');
    expect(text).toMatch(/Affected sites: +3: shop, blog, api/);
  });

  it('notes a maintenance window in both parts', () => {
    const { text, html } = renderEmail(anAlertMessage({ incident: anIncident({ inMaintenance: true }) }));
    expect(text).toContain('This incident falls in a maintenance window of the site.');
    expect(html).toContain('<em>This incident falls in a maintenance window of the site.</em>');
  });

  it('puts the same facts in the HTML part, next steps as a list, the link as a link', () => {
    const { html } = renderEmail(anAlertMessage());
    expect(html).toContain('<td>origin_down</td>');
    expect(html).toContain('<ul><li>Check that something listens on 10.0.0.3:3000.</li><li>Look at the app logs around the start time.</li></ul>');
    expect(html).toContain('<a href="https://hopwatch.example/incidents/inc-7">Open the incident</a>');
  });

  it('escapes every user-given value in the HTML part', () => {
    const evil = '<script>alert("x")</script> & \'quoted\'';
    const message = anAlertMessage({
      site: { id: 's', name: evil, url: `https://shop.example/?q="><img src=x>` },
      incident: anIncident({ regions: [evil], diagnosis: aDiagnosis({ failingHop: evil, reportedBy: evil, summary: evil, nextSteps: [evil], evidence: [{ observation: evil, resultIds: [] }] }) }),
    });
    const { html } = renderEmail(message);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('never makes a link of a non-http URL', () => {
    const { html } = renderEmail(anAlertMessage({ link: 'javascript:alert(1)' }));
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(1)');
  });

  it('renders a test notification with no site or incident', () => {
    const { subject, text, html } = renderEmail(aTestMessage());
    expect(subject).toBe('[hopwatch] test notification');
    expect(text).toContain('This is a test notification from hopwatch.');
    expect(html).toContain('This is a test notification from hopwatch.');
  });
});

describe('certificate warnings', () => {
  it('name the hop, the issuer, the expiry and the threshold, with a link to the site', () => {
    const { text, html } = renderEmail(aCertificateMessage());
    expect(text).toContain("The certificate of shop's hop origin expires in 2 days: renew it.");
    expect(text).toMatch(/Checked at: +origin/);
    expect(text).toMatch(/Issuer: +R11/);
    expect(text).toMatch(/Expires: +2025-11-24 00:00:00 UTC/);
    expect(text).toMatch(/Warning at: +7 days/);
    expect(html).toContain('<td>R11</td>');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [252, '4m 12s'],
    [600, '10m'],
    [3605, '1h'],
    [3900, '1h 5m'],
    [90_061, '1d 1h'],
  ])('%i s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
