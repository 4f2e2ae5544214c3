import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { ApiError, api } from '../api.ts';
import { isAbortError } from '../api-error.ts';
import { ErrorState, Loading } from '../components/status.tsx';
import { errorMessage } from '../error-message.ts';
import { formatCount, formatSeconds } from '../format.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useNow } from '../hooks/use-now.ts';
import type { ProcessorGroup, ProcessorPartition, ProcessorsStatus, TablePartitionState, ViewStatus } from '../monitor-types.ts';
import { pollEvery } from '../poll.ts';
import { relativeTime } from '../relative-time.ts';
import { paths } from '../router.ts';

export const PROCESSORS_REFRESH_MS = 5000;

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; data: ProcessorsStatus; staleReason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; message: string };

/** "12/s", "0.4/s"; null (no rate window yet) as an em dash. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  if (rate === 0) return '0/s';
  return `${rate < 10 ? rate.toFixed(1) : formatCount(Math.round(rate))}/s`;
}

/** Lag in seconds as the monitor estimates it: caught up, a duration, or not moving at all. */
export function formatLagSeconds(lag: number, seconds: number | null): string {
  if (lag === 0) return 'caught up';
  if (seconds === null) return 'not moving';
  return formatSeconds(seconds);
}

function formatRecords(n: number | null): string {
  return n === null ? '—' : formatCount(n);
}

/**
 * goka's monitor for chirp: every consumer group with its partitions (offset, high watermark, lag
 * in messages and in seconds), input, consume and output rates, retry and DLQ records, a stateful
 * group's table recovery per partition, and the API's views. Refreshed while the page is open.
 */
export function ProcessorsPage({ refreshMs = PROCESSORS_REFRESH_MS }: { refreshMs?: number }): ReactElement {
  useDocumentTitle('Processors');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const now = useNow(1000);

  useEffect(() => {
    const controller = new AbortController();
    void pollEvery(
      async (signal) => {
        try {
          const data = await api.getProcessors(signal);
          setView({ kind: 'ready', data, staleReason: '' });
        } catch (error) {
          if (signal.aborted || isAbortError(error)) return;
          if (error instanceof ApiError && error.status === 503) {
            setView((prev) => (prev.kind === 'ready' ? { ...prev, staleReason: error.message } : { kind: 'unavailable', reason: error.message }));
            return;
          }
          const message = errorMessage(error);
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
        Processors
      </h1>
      <p className="muted">
        Every consumer group and view with its partitions, refreshed every {Math.round(refreshMs / 1000)} s. Look up a key in a group table on the{' '}
        <a href={paths.tables()}>table query</a> page; stage latency is on the <a href={paths.pipeline()}>pipeline</a> page.
      </p>
      {view.kind === 'loading' && <Loading label="Loading processors…" />}
      {view.kind === 'unavailable' && (
        <div className="notice" role="alert">
          <p>
            <strong>The pipeline monitor is unavailable.</strong>
          </p>
          {view.reason && <p className="muted">Details: {view.reason}</p>}
          <p className="muted">This page keeps trying every {Math.round(refreshMs / 1000)} s.</p>
        </div>
      )}
      {view.kind === 'error' && <ErrorState message={view.message} />}
      {view.kind === 'ready' && (
        <>
          <p className="muted">
            {updatedLabel(view.data.updatedAt, now)}
            {view.data.rateWindowSeconds > 0 ? `; rates over the last ${Math.round(view.data.rateWindowSeconds)} s` : '; rates after the next read'}.
          </p>
          <p className="form-error" role="status">
            {view.staleReason && `Refresh failed, showing the last numbers: ${view.staleReason}`}
          </p>
          <GroupSummary groups={view.data.groups} />
          {view.data.groups.map((g) => (
            <GroupDetail key={g.group} group={g} />
          ))}
          <ViewsTable views={view.data.views} />
        </>
      )}
    </section>
  );
}

function updatedLabel(iso: string, now: number): string {
  const age = relativeTime(iso, now);
  if (age === '' || age === 'now') return 'Updated just now';
  return /^\d+[smh]$/.test(age) ? `Updated ${age} ago` : `Updated ${age}`;
}

const groupAnchor = (group: string): string => `processor-${group.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function GroupSummary({ groups }: { groups: ProcessorGroup[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Processors (consumer groups)</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Members
            </th>
            <th scope="col" className="num">
              Lag
            </th>
            <th scope="col" className="num">
              Lag time
            </th>
            <th scope="col" className="num">
              In
            </th>
            <th scope="col" className="num">
              Consumed
            </th>
            <th scope="col" className="num">
              Out
            </th>
            <th scope="col" className="num">
              Retry
            </th>
            <th scope="col" className="num">
              DLQ
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && (
            <tr>
              <td colSpan={9}>No consumer groups reported yet.</td>
            </tr>
          )}
          {groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">
                <a href={`#${groupAnchor(g.group)}`} onClick={(e) => jumpTo(e, groupAnchor(g.group))}>
                  {g.group}
                </a>
              </th>
              <td className="num">{formatCount(g.members)}</td>
              <td className="num">{formatCount(g.lag)}</td>
              <td className="num">{formatLagSeconds(g.lag, g.lagSeconds)}</td>
              <td className="num">{formatRate(g.inputRate)}</td>
              <td className="num">{formatRate(g.consumeRate)}</td>
              <td className="num">{g.outputTopics.length === 0 ? 'Redis only' : formatRate(g.outputRate)}</td>
              <td className="num">{formatRecords(g.retryRecords)}</td>
              <td className="num">{formatRecords(g.deadLetterRecords)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The hash is the router's: scroll to a group's section without changing it. */
function jumpTo(event: { preventDefault(): void }, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView?.({ block: 'start' });
  target?.focus();
}

function GroupDetail({ group }: { group: ProcessorGroup }): ReactElement {
  const id = groupAnchor(group.group);
  return (
    <section className="processor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        <span id={id} tabIndex={-1}>
          {group.group}
        </span>
      </h2>
      {group.outputTopics.length > 0 && <p className="muted">Writes {group.outputTopics.join(', ')}.</p>}
      <PartitionTable group={group.group} partitions={group.partitions} />
      {group.table && <RecoveryTable topic={group.table.topic} partitions={group.table.partitions} />}
    </section>
  );
}

function PartitionTable({ group, partitions }: { group: string; partitions: ProcessorPartition[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Partitions of {group}</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col" className="num">
              Offset
            </th>
            <th scope="col" className="num">
              High watermark
            </th>
            <th scope="col" className="num">
              Lag
            </th>
            <th scope="col" className="num">
              Lag time
            </th>
            <th scope="col" className="num">
              In
            </th>
            <th scope="col" className="num">
              Consumed
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.length === 0 && (
            <tr>
              <td colSpan={7}>No partitions assigned or committed yet.</td>
            </tr>
          )}
          {partitions.map((p) => (
            <tr key={`${p.topic}-${p.partition}`}>
              <th scope="row">
                {p.topic}[{p.partition}]
              </th>
              <td className="num">{p.offset === null ? '—' : formatCount(p.offset)}</td>
              <td className="num">{formatCount(p.high)}</td>
              <td className="num">{formatCount(p.lag)}</td>
              <td className="num">{formatLagSeconds(p.lag, p.lagSeconds)}</td>
              <td className="num">{formatRate(p.inputRate)}</td>
              <td className="num">{formatRate(p.consumeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecoveryTable({ topic, partitions }: { topic: string; partitions: TablePartitionState[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Table {topic}: recovery per partition</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Restored records
            </th>
            <th scope="col" className="num">
              Restore time
            </th>
            <th scope="col" className="num">
              Restore rate
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.length === 0 && (
            <tr>
              <td colSpan={5}>No member reports holding a partition of this table (its worker is down or not scraped).</td>
            </tr>
          )}
          {partitions.map((p) => (
            <tr key={`${p.partition}-${p.source}`}>
              <th scope="row">{p.partition}</th>
              <td>{p.state}</td>
              <td className="num">{formatCount(p.restoredRecords)}</td>
              <td className="num">{formatSeconds(p.restoreSeconds)}</td>
              <td className="num">{formatRate(p.restoreRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ViewsTable({ views }: { views: ViewStatus[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Views (read-only replicas of a table)</caption>
        <thead>
          <tr>
            <th scope="col">View</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Keys
            </th>
            <th scope="col">Partitions (position / high watermark)</th>
          </tr>
        </thead>
        <tbody>
          {views.length === 0 && (
            <tr>
              <td colSpan={4}>No views reported.</td>
            </tr>
          )}
          {views.map((v) => (
            <tr key={`${v.process}-${v.topic}`}>
              <th scope="row">
                {v.name} in {v.process} ({v.topic})
              </th>
              <td>{v.ready ? 'running' : 'recovering'}</td>
              <td className="num">{formatCount(v.keys)}</td>
              <td>
                <ul className="plain-list">
                  {v.partitions.map((p) => (
                    <li key={p.partition}>
                      [{p.partition}] {formatCount(p.position)} / {p.high === null ? '—' : formatCount(p.high)}
                      {p.lag !== null && p.lag > 0 ? `, ${formatCount(p.lag)} behind` : ''}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
