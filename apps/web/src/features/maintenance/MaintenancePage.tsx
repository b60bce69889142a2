import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Field } from '../../components/Field';
import { Empty, ErrorNotice, QueryState } from '../../components/QueryState';
import { api, fieldMessages } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { CreateMaintenanceWindow, MaintenanceWindow } from '../../lib/types';
import { useCanWrite } from '../auth/api/session';
import { useSitesOverview } from '../sites/api/site-rows';

const maintenanceKey = ['maintenance-windows'] as const;
const FIELDS = ['name', 'siteIds', 'tags', 'startsAt', 'endsAt'];

/** A datetime-local value (the browser's local time) as an ISO instant; left as typed when it is not a date, so the API says why. */
function toInstant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function NewWindow() {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateMaintenanceWindow) => api.post<MaintenanceWindow>('/api/v1/maintenance-windows', body),
    onSuccess: () => client.invalidateQueries({ queryKey: maintenanceKey }),
  });
  const [form, setForm] = useState({ name: '', tags: '', startsAt: '', endsAt: '' });
  const { byField, general } = fieldMessages(create.error, (field) => FIELDS.includes(field));
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: form.name.trim(), tags: form.tags.split(',').map((tag) => tag.trim()).filter(Boolean), startsAt: toInstant(form.startsAt), endsAt: toInstant(form.endsAt) });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2 style={{ marginTop: 0 }}>Plan a window</h2>
      {general.length > 0 && <ErrorNotice error={create.error} />}
      <div className="grid-2">
        <Field id="mw-name" label="Name" value={form.name} errors={byField.get('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field id="mw-tags" label="Sites with these tags" hint="Comma-separated" value={form.tags} errors={byField.get('tags')} onChange={(e) => setForm({ ...form, tags: e.target.value })} />
        <Field id="mw-starts" label="Starts" type="datetime-local" value={form.startsAt} errors={byField.get('startsAt')} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} />
        <Field id="mw-ends" label="Ends" type="datetime-local" value={form.endsAt} errors={byField.get('endsAt')} onChange={(e) => setForm({ ...form, endsAt: e.target.value })} />
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>Add window</button>
    </form>
  );
}

export function MaintenancePage() {
  const client = useQueryClient();
  const canWrite = useCanWrite();
  const windows = useQuery({ queryKey: maintenanceKey, queryFn: () => api.get<MaintenanceWindow[]>('/api/v1/maintenance-windows') });
  const sites = useSitesOverview();
  const names = new Map((sites.data?.items ?? []).map((site) => [site.id, site.name]));
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/maintenance-windows/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: maintenanceKey }) });
  return (
    <>
      <h1>Maintenance windows</h1>
      <p className="muted">Incidents during a window are recorded but nobody is notified.</p>
      {canWrite && <NewWindow />}
      {remove.error && <ErrorNotice error={remove.error} />}
      <QueryState isPending={windows.isPending} error={windows.error}>
        {() => windows.data!.length === 0 ? <Empty>No maintenance windows.</Empty> : (
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Covers</th><th scope="col">Starts</th><th scope="col">Ends</th>{canWrite && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
            <tbody>{windows.data!.map((window) => (
              <tr key={window.id}>
                <td>{window.name}</td>
                <td>{[...window.siteIds.map((id) => names.get(id) ?? 'a deleted site'), ...window.tags.map((tag) => `tag ${tag}`)].join(', ') || '—'}</td>
                <td>{formatDateTime(window.startsAt)}</td><td>{formatDateTime(window.endsAt)}</td>
                {canWrite && <td><button type="button" className="danger" onClick={() => remove.mutate(window.id)}>Delete<span className="visually-hidden"> {window.name}</span></button></td>}
              </tr>
            ))}</tbody>
          </table>
        )}
      </QueryState>
    </>
  );
}
