import { Fragment } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { MonitorStatus } from '../components/monitor-status.tsx';
import { formatCount, formatSeconds } from '../format.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { updatedLabel, useMonitorPoll } from '../hooks/use-monitor-poll.ts';
import { useNow } from '../hooks/use-now.ts';
import { paths } from '../router.ts';
import type { PipelineGroup, PipelineLatency, PipelineProcess } from '../types.ts';

export const PIPELINE_REFRESH_MS = 5000;

/** Consumer lag and end-to-end latency from the monitor service, refreshed while the page is open. */
export function PipelinePage({ refreshMs = PIPELINE_REFRESH_MS }: { refreshMs?: number }): ReactElement {
  useDocumentTitle('Pipeline');
  const view = useMonitorPoll((signal) => api.getPipeline(signal), refreshMs);
  const now = useNow(1000);

  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Pipeline
      </h1>
      <p className="muted">Kafka consumer lag and end-to-end latency, refreshed every {Math.round(refreshMs / 1000)} s.</p>
      <p className="muted">
        Per partition offsets, rates, retries and table recovery: <a href={paths.processors()}>processors</a>. A key&apos;s value in a group table:{' '}
        <a href={paths.tables()}>table query</a>.
      </p>
      <MonitorStatus view={view} refreshMs={refreshMs} loadingLabel="Loading pipeline status…" />
      {view.kind === 'ready' && (
        <>
          {/* Not a live region: it changes every second. Only a failed refresh is announced. */}
          <p className="muted">{updatedLabel(view.data.updatedAt, now)}</p>
          <p className="form-error" role="status">
            {view.staleReason && `Refresh failed, showing the last numbers: ${view.staleReason}`}
          </p>
          <LagTable groups={view.data.groups} />
          <LatencyTable latency={view.data.latency} />
          {view.data.processes && <ProcessTable processes={view.data.processes} />}
        </>
      )}
    </section>
  );
}

/** `twitter.fanout` may break after the dot, never inside `fan|out`, when a phone is too narrow. */
function breakAfterDots(name: string): ReactElement[] {
  return name.split('.').map((part, i, parts) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

function LagTable({ groups }: { groups: PipelineGroup[] }): ReactElement {
  const max = Math.max(1, ...groups.map((g) => g.lag));
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Consumer group lag (messages behind)</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Lag
            </th>
            <th scope="col" className="bar-col">
              <span className="visually-hidden">Lag bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && (
            <tr>
              <td colSpan={3}>No consumer groups reported yet.</td>
            </tr>
          )}
          {groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">
                {breakAfterDots(g.group)}
                {g.partitions.length > 0 && (
                  <details className="partitions">
                    <summary>{g.partitions.length} partitions</summary>
                    <ul>
                      {g.partitions.map((p) => (
                        <li key={`${p.topic}-${p.partition}`}>
                          {p.topic}[{p.partition}]: {formatCount(p.lag)}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </th>
              <td className="num">{formatCount(g.lag)}</td>
              <td className="bar-col" aria-hidden="true">
                <span className="bar" data-zero={g.lag === 0 || undefined} style={{ width: `${(g.lag / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LatencyTable({ latency }: { latency: PipelineLatency[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>End-to-end latency by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              p50
            </th>
            <th scope="col" className="num">
              p99
            </th>
          </tr>
        </thead>
        <tbody>
          {latency.length === 0 && (
            <tr>
              <td colSpan={3}>No latency samples yet.</td>
            </tr>
          )}
          {latency.map((l) => (
            <tr key={l.stage}>
              <th scope="row">{l.stage}</th>
              <td className="num">{formatSeconds(l.p50Seconds)}</td>
              <td className="num">{formatSeconds(l.p99Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function exitLabel(p: PipelineProcess): string {
  if (!p.lastExit) return '—';
  return p.lastExit.signal ? `killed (${p.lastExit.signal})` : `exit code ${p.lastExit.code}`;
}

/** Restarts by `npm start`'s supervisor: a worker that keeps crashing shows here while its lag grows above. */
function ProcessTable({ processes }: { processes: PipelineProcess[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Processes (restarted by npm start after a crash)</caption>
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Restarts
            </th>
            <th scope="col">Last exit</th>
          </tr>
        </thead>
        <tbody>
          {processes.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td>{p.state}</td>
              <td className="num">{formatCount(p.restarts)}</td>
              <td>{exitLabel(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
