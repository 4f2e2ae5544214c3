import { Fragment, useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { ApiError, api } from '../api.ts';
import { isAbortError } from '../api-error.ts';
import { ErrorState, Loading } from '../components/status.tsx';
import { errorMessage } from '../error-message.ts';
import { formatCount, formatSeconds } from '../format.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useNow } from '../hooks/use-now.ts';
import { pollEvery } from '../poll.ts';
import { relativeTime } from '../relative-time.ts';
import { paths } from '../router.ts';
import type { PipelineGroup, PipelineLatency, PipelineProcess, PipelineStatus } from '../types.ts';

export const PIPELINE_REFRESH_MS = 5000;

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; data: PipelineStatus; staleReason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; message: string };

/** Consumer lag and end-to-end latency from the monitor service, refreshed while the page is open. */
export function PipelinePage({ refreshMs = PIPELINE_REFRESH_MS }: { refreshMs?: number }): ReactElement {
  useDocumentTitle('Pipeline');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const now = useNow(1000);

  useEffect(() => {
    const controller = new AbortController();
    void pollEvery(
      async (signal) => {
        try {
          const data = await api.getPipeline(signal);
          setView({ kind: 'ready', data, staleReason: '' });
        } catch (error) {
          if (signal.aborted || isAbortError(error)) return;
          if (error instanceof ApiError && error.status === 503) {
            setView({ kind: 'unavailable', reason: error.message });
            return;
          }
          const message = errorMessage(error);
          // Keep the last good numbers on screen, marked stale, rather than blanking the page.
          setView((prev) => (prev.kind === 'ready' ? { ...prev, staleReason: message } : { kind: 'error', message }));
        }
      },
      refreshMs,
      controller.signal,
    );
    return () => controller.abort();
  }, [refreshMs]);

  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Pipeline
      </h1>
      <p className="muted">Kafka consumer lag and end-to-end latency, refreshed every {Math.round(refreshMs / 1000)} s.</p>
      <p>
        Per partition offsets, rates, retries and table recovery: <a href={paths.processors()}>processors</a>. A key&apos;s value in a group table:{' '}
        <a href={paths.tables()}>table query</a>.
      </p>
      {view.kind === 'loading' && <Loading label="Loading pipeline status…" />}
      {view.kind === 'unavailable' && (
        <div className="notice" role="alert">
          <p>
            <strong>The pipeline monitor is unavailable.</strong>
          </p>
          {/* The server's words, as a detail: on its own it is a lower-case fragment echoing the headline. */}
          {view.reason && <p className="muted">Details: {withFullStop(view.reason)}</p>}
          <p className="muted">This page keeps trying every {Math.round(refreshMs / 1000)} s.</p>
        </div>
      )}
      {view.kind === 'error' && <ErrorState message={view.message} />}
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

function withFullStop(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
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

function updatedLabel(iso: string, now: number): string {
  const age = relativeTime(iso, now);
  if (age === '' || age === 'now') return 'Updated just now';
  return /^\d+[smh]$/.test(age) ? `Updated ${age} ago` : `Updated ${age}`;
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
