import { FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Field } from '../../../components/Field';
import { QueryState } from '../../../components/QueryState';
import { fieldMessages } from '../../../lib/api';
import { useSaveSite, useSite } from '../api/sites';
import { ChannelsFieldset } from './ChannelsFieldset';
import { HopsFieldset } from './HopsFieldset';
import { emptySiteForm, formToBody, isFormField, SiteForm, siteToForm } from './site-form-state';

function SiteFormView({ initial, siteId }: { initial: SiteForm; siteId?: string }) {
  const [form, setForm] = useState(initial);
  const save = useSaveSite(siteId);
  const [, navigate] = useLocation();
  const { byField, general } = fieldMessages(save.error, isFormField);
  const errorsFor = (field: string) => byField.get(field);
  const set = (key: keyof SiteForm) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const text = (key: keyof SiteForm, label: string, hint?: string, type = 'text') => (
    <Field id={`site-${key}`} label={label} hint={hint} type={type} value={form[key] as string} errors={errorsFor(key === 'resolvers' ? 'dns.resolvers' : ['rateWindow', 'rateThreshold', 'flapLimit', 'flapWindowMinutes'].includes(key) ? `detection.${key}` : key)} onChange={set(key)} />
  );

  useEffect(() => {
    if (save.error) document.querySelector<HTMLElement>('[aria-invalid="true"], .notice.error')?.focus();
  }, [save.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(formToBody(form), { onSuccess: (site) => navigate(`/sites/${site.id}`) });
  }

  return (
    <form onSubmit={submit} noValidate>
      {general.length > 0 && <div className="notice error" role="alert" tabIndex={-1}>{general.join(' ')}</div>}
      {byField.size > 0 && <div className="notice error" role="alert">The site was not saved: {byField.size} field{byField.size > 1 ? 's need' : ' needs'} a change (see below).</div>}
      <fieldset>
        <legend>Entry</legend>
        <div className="grid-2">
          {text('name', 'Name')}
          {text('url', 'Entry URL', 'The public address people open')}
          <Field id="site-method" label="Method" errors={errorsFor('method')}>
            <select id="site-method" value={form.method} onChange={set('method')}><option>GET</option><option>HEAD</option></select>
          </Field>
          {text('intervalSeconds', 'Check every (seconds)', '5 to 86400', 'number')}
          {text('timeoutMs', 'Timeout (ms)', '100 to 60000', 'number')}
          {text('expectStatus', 'Expected status', 'e.g. 200-399')}
          {text('bodyContains', 'Body must contain (optional)')}
        </div>
      </fieldset>
      <HopsFieldset hops={form.hops} onChange={(hops) => setForm((current) => ({ ...current, hops }))} errorsFor={errorsFor} />
      <fieldset>
        <legend>Where and how to check</legend>
        <div className="grid-2">
          {text('regions', 'Regions', 'Comma-separated, e.g. default, eu')}
          {text('resolvers', 'DNS resolvers (optional)', 'Comma-separated: system, 1.1.1.1, 10.0.0.2:53')}
          {text('tags', 'Tags (optional)', 'Comma-separated')}
        </div>
      </fieldset>
      <ChannelsFieldset selected={form.alertChannelIds} onChange={(alertChannelIds) => setForm((current) => ({ ...current, alertChannelIds }))} errors={errorsFor('alertChannelIds')} />
      <fieldset>
        <legend>Detection</legend>
        <div className="grid-2">
          {text('confirmations', 'Failures that open an incident', undefined, 'number')}
          {text('recoveries', 'Successes that resolve it', undefined, 'number')}
          {text('rateWindow', 'Rate window (checks, optional)', undefined, 'number')}
          {text('rateThreshold', 'Rate threshold (0–1, optional)', undefined, 'number')}
          {text('flapLimit', 'Flap limit (optional)', undefined, 'number')}
          {text('flapWindowMinutes', 'Flap window (minutes, optional)', undefined, 'number')}
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : siteId ? 'Save changes' : 'Add site'}</button>
        <Link href={siteId ? `/sites/${siteId}` : '/'}>Cancel</Link>
      </div>
    </form>
  );
}

export function NewSitePage() {
  return <><h1>Add a site</h1><SiteFormView initial={emptySiteForm()} /></>;
}

export function EditSitePage({ id }: { id: string }) {
  const site = useSite(id);
  return (
    <>
      <h1>Edit {site.data?.name ?? 'site'}</h1>
      <QueryState isPending={site.isPending} error={site.error}>{() => <SiteFormView initial={siteToForm(site.data!)} siteId={id} />}</QueryState>
    </>
  );
}
