import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { ColumnHeads, MonitorStatus } from '../components/monitor-status.tsx';
import { formatCount, formatSeconds } from '../format.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { updatedLabel, useMonitorPoll } from '../hooks/use-monitor-poll.ts';
import { useNow } from '../hooks/use-now.ts';
import type { ProcessorGroup, ProcessorPartition, TablePartitionState, ViewStatus } from '../monitor-types.ts';
import { paths } from '../router.ts';

export const PROCESSORS_REFRESH_MS = 5000;

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
  const view = useMonitorPoll((signal) => api.getProcessors(signal), refreshMs);
  const now = useNow(1000);

  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Processors
      </h1>
      <p className="muted">
        Every consumer group and view with its partitions, refreshed every {Math.round(refreshMs / 1000)} s. Look up a key in a group table on the{' '}
        <a href={paths.tables()}>table query</a> page; stage latency is on the <a href={paths.pipeline()}>pipeline</a> page.
      </p>
      <MonitorStatus view={view} refreshMs={refreshMs} loadingLabel="Loading processors…" />
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

const groupAnchor = (group: string): string => `processor-${group.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function GroupSummary({ groups }: { groups: ProcessorGroup[] }): ReactElement {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Processors (consumer groups)</caption>
        <ColumnHeads
          columns={[
            'Group',
            { label: 'Members', numeric: true },
            { label: 'Lag', numeric: true },
            { label: 'Lag time', numeric: true },
            { label: 'In', numeric: true },
            { label: 'Consumed', numeric: true },
            { label: 'Out', numeric: true },
            { label: 'Retry', numeric: true },
            { label: 'DLQ', numeric: true },
          ]}
        />
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
        <ColumnHeads
          columns={[
            'Partition',
            { label: 'Offset', numeric: true },
            { label: 'High watermark', numeric: true },
            { label: 'Lag', numeric: true },
            { label: 'Lag time', numeric: true },
            { label: 'In', numeric: true },
            { label: 'Consumed', numeric: true },
          ]}
        />
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
        <ColumnHeads
          columns={[
            'Partition',
            'State',
            { label: 'Restored records', numeric: true },
            { label: 'Restore time', numeric: true },
            { label: 'Restore rate', numeric: true },
          ]}
        />
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
        <ColumnHeads columns={['View', 'State', { label: 'Keys', numeric: true }, 'Partitions (position / high watermark)']} />
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
