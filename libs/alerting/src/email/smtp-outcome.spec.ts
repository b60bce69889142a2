import { smtpDelivered, smtpErrorOutcome } from './smtp-outcome';

function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'smtp error')), fields);
}

describe('SMTP outcomes', () => {
  it('reads the reply code of an accepted message', () => {
    expect(smtpDelivered('250 2.0.0 Ok: queued as 1234')).toEqual({ status: 'delivered', responseStatus: 250 });
  });

  it('fails at once on a 5xx reply such as 550 mailbox unavailable', () => {
    const error = smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 mailbox unavailable' });
    expect(smtpErrorOutcome(error)).toEqual({ status: 'failed', error: 'SMTP 550 5.1.1 mailbox unavailable', responseStatus: 550 });
  });

  it('retries on a 4xx reply such as 451 try again later', () => {
    const error = smtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 try again later' });
    expect(smtpErrorOutcome(error)).toEqual({ status: 'retry', error: 'SMTP 451 4.3.0 try again later', responseStatus: 451 });
  });

  it.each(['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS'])('retries on a connection problem (%s)', (code) => {
    expect(smtpErrorOutcome(smtpError({ code, message: 'connect ECONNREFUSED 127.0.0.1:25' }))).toEqual({
      status: 'retry',
      error: `${code}: connect ECONNREFUSED 127.0.0.1:25`,
    });
  });

  it('fails at once on a configuration problem no retry can fix', () => {
    expect(smtpErrorOutcome(smtpError({ code: 'ECONFIG', message: 'bad option' })).status).toBe('failed');
  });

  it('retries what it cannot classify', () => {
    expect(smtpErrorOutcome(new Error('something odd'))).toEqual({ status: 'retry', error: 'something odd' });
  });
});
