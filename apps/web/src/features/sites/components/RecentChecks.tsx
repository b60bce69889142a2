import { Empty } from '../../../components/QueryState';
import { formatDateTime, formatMs } from '../../../lib/format';
import type { CheckResult } from '../../../lib/types';

function Outcome({ result }: { result: CheckResult }) {
  const words = [result.status ?? '', result.errorCode ?? ''].filter(Boolean).join(' ');
  return <span className={`state state-${result.ok ? 'up' : 'down'}`}>{result.ok ? '✓' : '✗'} {words || (result.ok ? 'ok' : 'failed')}</span>;
}

/** Newest first; a 5xx body snippet opens on click (a native disclosure, so it works from the keyboard). */
export function RecentChecks({ results }: { results: CheckResult[] }) {
  if (results.length === 0) return <Empty>No checks yet: the first one runs within an interval.</Empty>;
  return (
    <table>
      <caption className="visually-hidden">Recent checks, newest first</caption>
      <thead><tr><th scope="col">Time</th><th scope="col">Target</th><th scope="col">Region</th><th scope="col">Result</th><th scope="col" className="num">Total</th><th scope="col">Gateway</th><th scope="col">Details</th></tr></thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.id ?? `${result.target}-${result.region}-${result.slot}`} id={result.id ? `result-${result.id}` : undefined}>
            <td>{formatDateTime(result.startedAt)}</td>
            <td>{result.target}</td>
            <td>{result.region}</td>
            <td><Outcome result={result} /></td>
            <td className="num">{formatMs(result.timings.totalMs)}</td>
            <td>{result.gateway ?? '—'}</td>
            <td>
              {result.bodySnippet || result.errorMessage ? (
                <details>
                  <summary>{result.bodySnippet ? 'Response body' : 'Error'}</summary>
                  {result.errorMessage && <p>{result.errorMessage}</p>}
                  {result.bodySnippet && <pre>{result.bodySnippet}</pre>}
                </details>
              ) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
