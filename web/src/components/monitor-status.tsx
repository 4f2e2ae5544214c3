import type { ReactElement } from 'react';
import { ErrorState, Loading } from './status.tsx';
import type { MonitorView } from '../hooks/use-monitor-poll.ts';

function withFullStop(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A monitor page before its numbers: loading, the monitor unavailable (it keeps trying), or an error. */
export function MonitorStatus({ view, refreshMs, loadingLabel }: { view: MonitorView<unknown>; refreshMs: number; loadingLabel: string }): ReactElement | null {
  switch (view.kind) {
    case 'loading':
      return <Loading label={loadingLabel} />;
    case 'unavailable':
      return (
        <div className="notice" role="alert">
          <p>
            <strong>The pipeline monitor is unavailable.</strong>
          </p>
          {/* The server's words, as a detail: on its own it is a lower-case fragment echoing the headline. */}
          {view.reason && <p className="muted">Details: {withFullStop(view.reason)}</p>}
          <p className="muted">This page keeps trying every {Math.round(refreshMs / 1000)} s.</p>
        </div>
      );
    case 'error':
      return <ErrorState message={view.message} />;
    case 'ready':
      return null;
  }
}

/** One header row; numeric columns are right-aligned like their cells. */
export function ColumnHeads({ columns }: { columns: readonly (string | { label: string; numeric: true })[] }): ReactElement {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
