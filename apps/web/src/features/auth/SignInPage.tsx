import { FormEvent, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useSignIn } from './api/session';

export function SignInPage() {
  const [key, setKey] = useState('');
  const signIn = useSignIn();
  const failure = signIn.error instanceof ApiError && signIn.error.status === 401
    ? 'That key is not valid. Check it and try again.'
    : signIn.error?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(key.trim());
  }

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to hopwatch</h1>
      <form className="panel" onSubmit={submit} style={{ maxWidth: 520 }}>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input id="api-key" name="key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)}
            aria-invalid={failure ? true : undefined} aria-describedby="api-key-hint api-key-error" required />
          <p id="api-key-hint" className="hint">A write key can change things; a read key can only look. The key is exchanged for a session cookie and never stored in the browser.</p>
          {failure && <p id="api-key-error" className="field-error" role="alert">{failure}</p>}
        </div>
        <button type="submit" className="primary" disabled={signIn.isPending || !key.trim()}>{signIn.isPending ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
