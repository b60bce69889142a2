import { formatMs } from '../lib/format';

export interface ChainNode {
  name: string;
  role: string;
  url?: string;
  ok: boolean | null;
  status: number | null;
  errorCode: string | null;
  totalMs: number | null;
  gateway: string | null;
}

/** The chain drawn as a row of boxes, entry first; during an incident the failing hop and the reporter are marked in words. */
export function HopChain({ nodes, failingHop, reportedBy }: { nodes: ChainNode[]; failingHop?: string | null; reportedBy?: string | null }) {
  return (
    <ol className="chain" aria-label="Upstream chain, outermost first">
      {nodes.map((node) => {
        const result = node.ok === null ? 'no result yet' : node.ok ? 'ok' : 'failed';
        const classes = ['hop', node.ok === null ? '' : node.ok ? 'hop-ok' : 'hop-failed', node.name === failingHop ? 'failing' : ''].join(' ');
        return (
          <li key={node.name}>
            <div className={classes} data-hop={node.name}>
              <div className="hop-name">{node.name}</div>
              <div className="muted">{node.role.replace(/_/g, ' ')}</div>
              <div>{node.ok === null ? '○' : node.ok ? '✓' : '✗'} {result}{node.status !== null ? ` · ${node.status}` : ''}{node.errorCode ? ` · ${node.errorCode}` : ''}</div>
              <div>{formatMs(node.totalMs)}{node.gateway && node.gateway !== 'unknown' ? ` · ${node.gateway}` : ''}</div>
              {node.name === failingHop && <div className="mark">✗ failing hop</div>}
              {node.name === reportedBy && node.name !== failingHop && <div className="mark reporter">⚑ reported the error</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
