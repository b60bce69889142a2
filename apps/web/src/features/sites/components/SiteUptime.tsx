import { formatDuration, formatMs, formatPercent } from '../../../lib/format';
import { useUptime } from '../api/sites';

const WINDOWS = ['24h', '7d', '30d', '90d'];

function UptimeRow({ siteId, window }: { siteId: string; window: string }) {
  const uptime = useUptime(siteId, window);
  const data = uptime.data;
  if (uptime.error) return <tr><th scope="row">{window}</th><td colSpan={4}>could not be loaded</td></tr>;
  return (
    <tr>
      <th scope="row">{window}</th>
      <td className="num">{data ? formatPercent(data.uptimePercent, 3) : '…'}</td>
      <td className="num">{data ? data.checks : '…'}</td>
      <td className="num">{data ? formatDuration(data.downtimeSeconds) : '…'}</td>
      <td className="num">{data ? formatMs(data.latencyMs?.p95) : '…'}</td>
    </tr>
  );
}

export function SiteUptime({ siteId }: { siteId: string }) {
  return (
    <section aria-labelledby="uptime-heading">
      <h2 id="uptime-heading">Uptime</h2>
      <table>
        <thead><tr><th scope="col">Window</th><th scope="col" className="num">Uptime</th><th scope="col" className="num">Checks</th><th scope="col" className="num">Downtime</th><th scope="col" className="num">p95 latency</th></tr></thead>
        <tbody>{WINDOWS.map((window) => <UptimeRow key={window} siteId={siteId} window={window} />)}</tbody>
      </table>
    </section>
  );
}
