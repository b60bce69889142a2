import { ReactNode } from 'react';
import { ApiError } from '../lib/api';

/** What a page shows while its data loads or when it could not be loaded: plain words, never a raw error. */
export function QueryState({ isPending, error, children }: { isPending: boolean; error: Error | null; children: () => ReactNode }) {
  if (error) return <ErrorNotice error={error} />;
  if (isPending) return <p className="muted" role="status">Loading…</p>;
  return <>{children()}</>;
}

export function ErrorNotice({ error }: { error: unknown }) {
  const text = error instanceof ApiError ? error.messages.join(' ') : 'Something went wrong; try again.';
  return <div className="notice error" role="alert">{text}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="notice">{children}</div>;
}
