import { Field } from '../../../components/Field';
import { emptyHop, HOP_ROLES, HopForm } from './site-form-state';

/** The chain behind the entry, outermost first: add, edit, remove hops; each field shows the API's message for it. */
export function HopsFieldset({ hops, onChange, errorsFor }: { hops: HopForm[]; onChange: (hops: HopForm[]) => void; errorsFor: (field: string) => string[] | undefined }) {
  const update = (index: number, patch: Partial<HopForm>) => onChange(hops.map((hop, i) => (i === index ? { ...hop, ...patch } : hop)));
  return (
    <fieldset>
      <legend>Hops behind the entry, outermost first</legend>
      {errorsFor('hops') && <p className="field-error">{errorsFor('hops')!.join(' ')}</p>}
      {hops.length === 0 && <p className="muted">No hops: only the entry URL is checked.</p>}
      {hops.map((hop, index) => {
        const id = (field: string) => `hop-${index}-${field}`;
        const errors = (field: string) => errorsFor(`hops.${index}.${field}`);
        return (
          <fieldset key={index} data-hop-index={index}>
            <legend>Hop {index + 1}</legend>
            <div className="grid-2">
              <Field id={id('name')} label="Name" value={hop.name} errors={errors('name')} onChange={(e) => update(index, { name: e.target.value })} />
              <Field id={id('role')} label="Role" errors={errors('role')}>
                <select id={id('role')} value={hop.role} onChange={(e) => update(index, { role: e.target.value as HopForm['role'] })}>
                  {HOP_ROLES.map((role) => <option key={role} value={role}>{role.replace(/_/g, ' ')}</option>)}
                </select>
              </Field>
              <Field id={id('url')} label="URL" inputMode="url" value={hop.url} errors={errors('url')} hint="http(s):// URL, or tcp://host:port" onChange={(e) => update(index, { url: e.target.value })} />
              <Field id={id('connectTo')} label="Connect to (optional)" value={hop.connectTo} errors={errors('connectTo')} hint="ip[:port]; keeps the URL's Host and SNI" onChange={(e) => update(index, { connectTo: e.target.value })} />
              <Field id={id('hostHeader')} label="Host header (optional)" value={hop.hostHeader} errors={errors('hostHeader')} onChange={(e) => update(index, { hostHeader: e.target.value })} />
              <Field id={id('expectStatus')} label="Expected status (optional)" value={hop.expectStatus} errors={errors('expectStatus')} onChange={(e) => update(index, { expectStatus: e.target.value })} />
            </div>
            <button type="button" onClick={() => onChange(hops.filter((_, i) => i !== index))}>Remove hop {index + 1}</button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...hops, emptyHop()])}>Add a hop</button>
    </fieldset>
  );
}
