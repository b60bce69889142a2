import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorNotice } from '../components/QueryState';
import { useSession } from '../features/auth/api/session';
import { SignInPage } from '../features/auth/SignInPage';
import { SitesPage } from '../features/sites/SitesPage';
import { LiveEventsProvider } from '../lib/live-events';
import { Layout } from './Layout';
import { createQueryClient } from './query-client';

// The sites page is the landing page and ships in the first bundle; every other page loads when opened.
const SitePage = lazy(() => import('../features/sites/SitePage').then((m) => ({ default: m.SitePage })));
const NewSitePage = lazy(() => import('../features/sites/form/SiteFormPage').then((m) => ({ default: m.NewSitePage })));
const EditSitePage = lazy(() => import('../features/sites/form/SiteFormPage').then((m) => ({ default: m.EditSitePage })));
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const ChannelsPage = lazy(() => import('../features/channels/ChannelsPage').then((m) => ({ default: m.ChannelsPage })));
const MaintenancePage = lazy(() => import('../features/maintenance/MaintenancePage').then((m) => ({ default: m.MaintenancePage })));
const ApiKeysPage = lazy(() => import('../features/api-keys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const StatusPagesPage = lazy(() => import('../features/status-pages/StatusPagesPage').then((m) => ({ default: m.StatusPagesPage })));
const PublicStatusPage = lazy(() => import('../features/status-pages/PublicStatusPage').then((m) => ({ default: m.PublicStatusPage })));

const loading = <p className="muted" role="status">Loading…</p>;

function SignedInApp() {
  const session = useSession();
  if (session.isPending) return <main id="main">{loading}</main>;
  if (session.error) return <main id="main"><h1>hopwatch</h1><ErrorNotice error={session.error} /></main>;
  if (!session.data) return <SignInPage />;
  return (
    <LiveEventsProvider>
      <Layout session={session.data}>
        <Suspense fallback={loading}>
          <Switch>
            <Route path="/"><SitesPage /></Route>
            <Route path="/sites/new"><NewSitePage /></Route>
            <Route path="/sites/:id/edit">{(params) => <EditSitePage id={params.id} />}</Route>
            <Route path="/sites/:id">{(params) => <SitePage key={params.id} id={params.id} />}</Route>
            <Route path="/incidents"><IncidentsPage /></Route>
            <Route path="/incidents/:id">{(params) => <IncidentPage id={params.id} />}</Route>
            <Route path="/channels"><ChannelsPage /></Route>
            <Route path="/maintenance"><MaintenancePage /></Route>
            <Route path="/api-keys"><ApiKeysPage /></Route>
            <Route path="/status-pages"><StatusPagesPage /></Route>
            <Route><h1>Not found</h1><p>There is no page at this address.</p></Route>
          </Switch>
        </Suspense>
      </Layout>
    </LiveEventsProvider>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Switch>
        <Route path="/status/:slug">{(params) => <Suspense fallback={loading}><PublicStatusPage slug={params.slug} /></Suspense>}</Route>
        <Route><SignedInApp /></Route>
      </Switch>
    </QueryClientProvider>
  );
}
