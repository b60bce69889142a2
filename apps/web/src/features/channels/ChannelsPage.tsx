import { FormEvent, useState } from 'react';
import { Field } from '../../components/Field';
import { Empty, ErrorNotice, QueryState } from '../../components/QueryState';
import { fieldMessages } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { AlertChannel } from '../../lib/types';
import { useCanWrite } from '../auth/api/session';
import { useChannels, useCreateChannel, useDeleteChannel, useDeliveries, useTestChannel } from './api/channels';

function Deliveries({ channelId }: { channelId: string }) {
  const deliveries = useDeliveries(channelId);
  return (
    <QueryState isPending={deliveries.isPending} error={deliveries.error}>
      {() => deliveries.data!.items.length === 0 ? <p className="muted">Nothing sent yet.</p> : (
        <table>
          <caption className="visually-hidden">Delivery log</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col" className="num">Attempts</th><th scope="col">Last error</th></tr></thead>
          <tbody>{deliveries.data!.items.map((delivery) => (
            <tr key={delivery.id}><td>{formatDateTime(delivery.createdAt)}</td><td>{delivery.event}</td><td>{delivery.status === 'delivered' ? '✓ delivered' : delivery.status === 'failed' ? '✗ failed' : '… pending'}{delivery.responseStatus ? ` (${delivery.responseStatus})` : ''}</td><td className="num">{delivery.attempts}</td><td>{delivery.lastError ?? '—'}</td></tr>
          ))}</tbody>
        </table>
      )}
    </QueryState>
  );
}

function ChannelPanel({ channel, canWrite }: { channel: AlertChannel; canWrite: boolean }) {
  const test = useTestChannel();
  const remove = useDeleteChannel();
  return (
    <section className="panel" aria-labelledby={`channel-${channel.id}`}>
      <h2 id={`channel-${channel.id}`} style={{ marginTop: 0 }}>{channel.name}</h2>
      <p className="muted">{channel.kind === 'email' ? `email to ${channel.to?.join(', ')}` : `${channel.kind}${channel.url ? ` to ${channel.url}` : ''}`}{channel.isDefault ? ' · default for every site' : ''}</p>
      {canWrite && (
        <div className="row">
          <button type="button" onClick={() => test.mutate(channel.id)} disabled={test.isPending}>Send a test notice</button>
          <button type="button" className="danger" onClick={() => window.confirm(`Delete the channel ${channel.name}?`) && remove.mutate(channel.id)}>Delete</button>
          <span role="status" className="muted">{test.isPending ? 'Sending…' : test.isSuccess ? 'Test notice queued; see the log below.' : ''}</span>
        </div>
      )}
      {(test.error || remove.error) && <ErrorNotice error={test.error ?? remove.error} />}
      <h3>Delivery log</h3>
      <Deliveries channelId={channel.id} />
    </section>
  );
}

/** The kinds this form creates: an address list or one URL. Telegram, PagerDuty and ntfy take other fields: use the API. */
const KINDS = ['webhook', 'email', 'slack', 'teams', 'discord'] as const;
type UrlOrEmailKind = (typeof KINDS)[number];

function NewChannel() {
  const create = useCreateChannel();
  const [form, setForm] = useState({ name: '', kind: 'webhook' as UrlOrEmailKind, target: '', isDefault: false });
  const { byField, general } = fieldMessages(create.error, (field) => ['name', 'kind', 'to', 'url', 'isDefault'].includes(field.replace(/\.\d+$/, '')));
  const errors = (field: string) => [...byField.entries()].filter(([key]) => key.replace(/\.\d+$/, '') === field).flatMap(([, list]) => list);
  function submit(event: FormEvent) {
    event.preventDefault();
    const target = form.kind === 'email' ? { to: form.target.split(',').map((item) => item.trim()).filter(Boolean) } : { url: form.target.trim() };
    create.mutate({ name: form.name.trim(), kind: form.kind, isDefault: form.isDefault, ...target }, { onSuccess: () => setForm({ ...form, name: '', target: '' }) });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2 style={{ marginTop: 0 }}>Add a channel</h2>
      {general.length > 0 && <ErrorNotice error={create.error} />}
      {create.data?.secret && <div className="notice success" role="status">Webhook signing secret (shown once): <span className="secret">{create.data.secret}</span></div>}
      <div className="grid-2">
        <Field id="channel-name" label="Name" value={form.name} errors={errors('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field id="channel-kind" label="Kind" errors={errors('kind')}>
          <select id="channel-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as UrlOrEmailKind })}>{KINDS.map((kind) => <option key={kind} value={kind}>{kind}</option>)}</select>
        </Field>
        <Field id="channel-target" label={form.kind === 'email' ? 'Recipients' : form.kind === 'webhook' ? 'Webhook URL' : 'Incoming-webhook URL'} hint={form.kind === 'email' ? 'Comma-separated addresses' : undefined}
          value={form.target} errors={errors(form.kind === 'email' ? 'to' : 'url')} onChange={(e) => setForm({ ...form, target: e.target.value })} />
      </div>
      <div className="row field">
        <input type="checkbox" id="channel-default" checked={form.isDefault} onChange={(e) => setForm({ ...form, isDefault: e.target.checked })} />
        <label htmlFor="channel-default" style={{ margin: 0 }}>Notify for every site</label>
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>Add channel</button>
    </form>
  );
}

export function ChannelsPage() {
  const channels = useChannels();
  const canWrite = useCanWrite();
  return (
    <>
      <h1>Alert channels</h1>
      {canWrite && <NewChannel />}
      <QueryState isPending={channels.isPending} error={channels.error}>
        {() => channels.data!.length === 0 ? <Empty>No alert channels yet.</Empty> : channels.data!.map((channel) => <ChannelPanel key={channel.id} channel={channel} canWrite={canWrite} />)}
      </QueryState>
    </>
  );
}
