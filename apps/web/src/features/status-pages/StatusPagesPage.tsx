import { FormEvent, useState } from 'react';
import { Field } from '../../components/Field';
import { Empty, ErrorNotice, QueryState } from '../../components/QueryState';
import { fieldMessages } from '../../lib/api';
import { useCanWrite } from '../auth/api/session';
import { useSitesOverview } from '../sites/api/site-rows';
import { useDeleteStatusPage, useCreateStatusPage, useStatusPages } from './api/status-pages';

const FIELDS = ['slug', 'title', 'description', 'siteIds', 'tags'];
/** Checkboxes beyond this many are no way to choose; tags are. */
const SITE_CHOICES = 200;

function NewStatusPage() {
  const save = useCreateStatusPage();
  const sites = useSitesOverview();
  const [form, setForm] = useState({ slug: '', title: '', description: '', tags: '', siteIds: [] as string[] });
  const { byField, general } = fieldMessages(save.error, (field) => FIELDS.includes(field));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      slug: form.slug.trim(), title: form.title.trim(), description: form.description.trim() || undefined,
      siteIds: form.siteIds, tags: form.tags.split(',').map((tag) => tag.trim()).filter(Boolean),
    }, { onSuccess: () => setForm({ slug: '', title: '', description: '', tags: '', siteIds: [] }) });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2 style={{ marginTop: 0 }}>Create a status page</h2>
      {general.length > 0 && <ErrorNotice error={save.error} />}
      <div className="grid-2">
        <Field id="sp-slug" label="Slug" hint="The page's address: /status/<slug>" value={form.slug} errors={byField.get('slug')} onChange={(e) => setForm({ ...form, slug: e.target.value })} />
        <Field id="sp-title" label="Title" value={form.title} errors={byField.get('title')} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <Field id="sp-description" label="Description (optional)" value={form.description} errors={byField.get('description')} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <Field id="sp-tags" label="Sites with these tags" hint="Comma-separated" value={form.tags} errors={byField.get('tags')} onChange={(e) => setForm({ ...form, tags: e.target.value })} />
      </div>
      <fieldset>
        <legend>Sites</legend>
        {byField.get('siteIds') && <p className="field-error">{byField.get('siteIds')!.join(' ')}</p>}
        {(sites.data?.items.length ?? 0) > SITE_CHOICES && <p className="hint">The first {SITE_CHOICES} sites by name are listed; cover more with tags.</p>}
        {(sites.data?.items ?? []).slice().sort((a, b) => a.name.localeCompare(b.name)).slice(0, SITE_CHOICES).map((site) => (
          <div key={site.id} className="row">
            <input type="checkbox" id={`sp-site-${site.id}`} checked={form.siteIds.includes(site.id)}
              onChange={(e) => setForm({ ...form, siteIds: e.target.checked ? [...form.siteIds, site.id] : form.siteIds.filter((id) => id !== site.id) })} />
            <label htmlFor={`sp-site-${site.id}`} style={{ margin: 0, fontWeight: 400 }}>{site.name}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={save.isPending}>Create status page</button>
    </form>
  );
}

export function StatusPagesPage() {
  const pages = useStatusPages();
  const remove = useDeleteStatusPage();
  const canWrite = useCanWrite();
  return (
    <>
      <h1>Status pages</h1>
      <p className="muted">Public pages anyone can open without a key: overall state, 90 days of uptime per site, incidents in plain words.</p>
      {canWrite && <NewStatusPage />}
      {remove.error && <ErrorNotice error={remove.error} />}
      <QueryState isPending={pages.isPending} error={pages.error}>
        {() => pages.data!.length === 0 ? <Empty>No status pages yet.</Empty> : (
          <table>
            <thead><tr><th scope="col">Title</th><th scope="col">Address</th><th scope="col">Covers</th>{canWrite && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
            <tbody>{pages.data!.map((page) => (
              <tr key={page.id}>
                <td>{page.title}</td>
                <td><a href={page.path}>{page.path}</a></td>
                <td>{[`${page.siteIds.length} site${page.siteIds.length === 1 ? '' : 's'}`, ...page.tags.map((tag) => `tag ${tag}`)].join(', ')}</td>
                {canWrite && <td><button type="button" className="danger" onClick={() => window.confirm(`Delete the status page ${page.title}?`) && remove.mutate(page.id)}>Delete<span className="visually-hidden"> {page.title}</span></button></td>}
              </tr>
            ))}</tbody>
          </table>
        )}
      </QueryState>
    </>
  );
}
