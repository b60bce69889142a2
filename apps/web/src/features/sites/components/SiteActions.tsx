import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorNotice } from '../../../components/QueryState';
import type { Site } from '../../../lib/types';
import { useSiteAction } from '../api/sites';

/** Check now, pause or resume, edit, delete: shown to write keys only (the API refuses read keys anyway). */
export function SiteActions({ site }: { site: Site }) {
  const action = useSiteAction(site.id);
  const [, navigate] = useLocation();
  const [done, setDone] = useState('');
  const run = (name: 'check' | 'pause' | 'resume') => action.mutate(name, { onSuccess: () => setDone(name === 'check' ? 'Checked just now.' : name === 'pause' ? 'Paused.' : 'Resumed.') });
  const remove = () => {
    if (window.confirm(`Delete ${site.name} and all its history?`)) action.mutate('delete', { onSuccess: () => navigate('/') });
  };
  return (
    <div>
      <div className="row" role="group" aria-label="Site actions">
        <button type="button" onClick={() => run('check')} disabled={action.isPending}>Check now</button>
        {site.paused
          ? <button type="button" onClick={() => run('resume')} disabled={action.isPending}>Resume</button>
          : <button type="button" onClick={() => run('pause')} disabled={action.isPending}>Pause</button>}
        <Link href={`/sites/${site.id}/edit`} className="button">Edit</Link>
        <button type="button" className="danger" onClick={remove} disabled={action.isPending}>Delete</button>
      </div>
      <p role="status" className="muted">{action.isPending ? 'Working…' : done}</p>
      {action.error && <ErrorNotice error={action.error} />}
    </div>
  );
}
