import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Field } from '../../components/Field';
import { Empty, ErrorNotice, QueryState } from '../../components/QueryState';
import { api, fieldMessages } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { ApiKey, CreateApiKey, CreatedApiKey } from '../../lib/types';
import { useCanWrite } from '../auth/api/session';

const keysKey = ['api-keys'] as const;

function NewKey() {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateApiKey) => api.post<CreatedApiKey>('/api/v1/api-keys', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey }),
  });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const { byField, general } = fieldMessages(create.error, (field) => field === 'name' || field === 'scope');
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: name.trim(), scope }, { onSuccess: () => setName('') });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2 style={{ marginTop: 0 }}>Create a key</h2>
      {general.length > 0 && <ErrorNotice error={create.error} />}
      {create.data && (
        <div className="notice success" role="status">
          <p style={{ marginTop: 0 }}>The key <strong>{create.data.name}</strong> ({create.data.scope}). Copy it now: it is shown only once.</p>
          <p className="secret" data-testid="new-key">{create.data.key}</p>
        </div>
      )}
      <div className="grid-2">
        <Field id="key-name" label="Name" value={name} errors={byField.get('name')} onChange={(e) => setName(e.target.value)} />
        <Field id="key-scope" label="Scope" errors={byField.get('scope')}>
          <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}><option value="read">read: look only</option><option value="write">write: change things</option></select>
        </Field>
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>Create key</button>
    </form>
  );
}

export function ApiKeysPage() {
  const client = useQueryClient();
  const canWrite = useCanWrite();
  const keys = useQuery({ queryKey: keysKey, queryFn: () => api.get<ApiKey[]>('/api/v1/api-keys') });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: keysKey }) });
  return (
    <>
      <h1>API keys</h1>
      {canWrite && <NewKey />}
      {remove.error && <ErrorNotice error={remove.error} />}
      <QueryState isPending={keys.isPending} error={keys.error}>
        {() => keys.data!.length === 0 ? <Empty>No keys.</Empty> : (
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Scope</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Last used</th>{canWrite && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
            <tbody>{keys.data!.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td><td>{key.scope}</td><td><code>{key.prefix}…</code></td><td>{formatDateTime(key.createdAt)}</td><td>{formatDateTime(key.lastUsedAt)}</td>
                {canWrite && <td><button type="button" className="danger" onClick={() => window.confirm(`Revoke the key ${key.name}?`) && remove.mutate(key.id)}>Revoke<span className="visually-hidden"> {key.name}</span></button></td>}
              </tr>
            ))}</tbody>
          </table>
        )}
      </QueryState>
    </>
  );
}
