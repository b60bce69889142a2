import { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { LiveIndicator } from '../lib/live-events';
import { useSignOut } from '../features/auth/api/session';
import type { Session } from '../lib/types';

const NAV = [
  { href: '/', label: 'Sites' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/channels', label: 'Alert channels' },
  { href: '/maintenance', label: 'Maintenance' },
  { href: '/status-pages', label: 'Status pages' },
  { href: '/api-keys', label: 'API keys' },
];

function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' || location.startsWith('/sites') : location.startsWith(href);
}

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  const [location] = useLocation();
  const signOut = useSignOut();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <Link href="/" className="brand">hopwatch</Link>
        <nav aria-label="Main">
          <ul>{NAV.map((item) => <li key={item.href}><Link href={item.href} aria-current={isCurrent(location, item.href) ? 'page' : undefined}>{item.label}</Link></li>)}</ul>
        </nav>
        <div className="who">
          <LiveIndicator />
          <span>{session.name} ({session.scope === 'write' ? 'can change' : 'read only'})</span>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
