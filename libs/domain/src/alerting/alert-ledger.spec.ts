import { alertLedger, ExpectedAlert } from './alert-ledger';

const opened = (channelId: string, deliveryId: string | null, eventId = 'e1'): ExpectedAlert => ({ eventId, incidentId: 'i1', notice: 'opened', channelId, deliveryId });

describe('alertLedger', () => {
  it('counts every notice accepted once on its channel as delivered', () => {
    const expected = [opened('hook', 'd1'), opened('mail', 'd2'), { ...opened('hook', 'd3', 'e2'), notice: 'resolved' }];
    const received = [{ channelId: 'hook', deliveryId: 'd1' }, { channelId: 'mail', deliveryId: 'd2' }, { channelId: 'hook', deliveryId: 'd3' }];
    expect(alertLedger(expected, received)).toEqual({ expected: 3, delivered: 3, lost: 0, doubled: 0, resent: 0 });
  });

  it('counts a notice without a delivery row, or one no receiver accepted, as lost', () => {
    const received = [{ channelId: 'hook', deliveryId: 'd1' }];
    expect(alertLedger([opened('hook', 'd1'), opened('mail', null), opened('hook', 'd9', 'e2')], received)).toMatchObject({ delivered: 1, lost: 2 });
  });

  it('does not count a delivery accepted on another channel than its own', () => {
    expect(alertLedger([opened('mail', 'd1')], [{ channelId: 'hook', deliveryId: 'd1' }])).toMatchObject({ delivered: 0, lost: 1, doubled: 1 });
  });

  it('counts the same delivery id accepted again as resent, not doubled', () => {
    const received = [{ channelId: 'hook', deliveryId: 'd1' }, { channelId: 'hook', deliveryId: 'd1' }];
    expect(alertLedger([opened('hook', 'd1')], received)).toEqual({ expected: 1, delivered: 1, lost: 0, doubled: 0, resent: 1 });
  });

  it('counts a second delivery of the same incident notice on one channel as doubled', () => {
    const expected = [opened('hook', 'd1', 'e1'), opened('hook', 'd2', 'e2')];
    const received = [{ channelId: 'hook', deliveryId: 'd1' }, { channelId: 'hook', deliveryId: 'd2' }];
    expect(alertLedger(expected, received)).toMatchObject({ delivered: 2, doubled: 1 });
  });

  it('lets each update of an incident be its own notice', () => {
    const update = (eventId: string, deliveryId: string): ExpectedAlert => ({ ...opened('hook', deliveryId, eventId), notice: 'updated' });
    const received = [{ channelId: 'hook', deliveryId: 'd1' }, { channelId: 'hook', deliveryId: 'd2' }];
    expect(alertLedger([update('e1', 'd1'), update('e2', 'd2')], received)).toMatchObject({ delivered: 2, doubled: 0 });
  });

  it('counts an accepted message no expected notice accounts for as doubled', () => {
    expect(alertLedger([], [{ channelId: 'hook', deliveryId: 'stray' }])).toEqual({ expected: 0, delivered: 0, lost: 0, doubled: 1, resent: 0 });
  });
});
