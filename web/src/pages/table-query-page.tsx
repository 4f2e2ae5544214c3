import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { ApiError, api } from '../api.ts';
import { isAbortError } from '../api-error.ts';
import { errorMessage } from '../error-message.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import type { MonitorTable, TableValue } from '../monitor-types.ts';
import { pollEvery } from '../poll.ts';
import { paths } from '../router.ts';

export const TABLES_REFRESH_MS = 5000;

type Answer =
  | { kind: 'none' }
  | { kind: 'loading'; key: string }
  | { kind: 'found'; result: TableValue }
  | { kind: 'not-found'; table: string; key: string }
  | { kind: 'bad'; message: string };

/** What a failed lookup means for the person who typed the key. */
function failure(error: unknown, table: string, key: string): Answer {
  if (error instanceof ApiError && error.status === 404) return { kind: 'not-found', table, key };
  if (error instanceof ApiError && error.status === 403) return { kind: 'bad', message: `${errorMessage(error)} Only your own key (your handle) can be read.` };
  return { kind: 'bad', message: errorMessage(error) };
}

/**
 * goka's table query: the group tables and views the API holds (refreshed while open, so a view
 * that is still catching up shows when it is ready), and a search box for a key's value. The API
 * answers only the signed-in account's own key (routes/monitor.ts); this page suggests it.
 */
export function TableQueryPage({
  viewer,
  table: initialTable,
  initialKey,
  refreshMs = TABLES_REFRESH_MS,
}: {
  viewer: string;
  table?: string | undefined;
  initialKey?: string | undefined;
  refreshMs?: number;
}): ReactElement {
  useDocumentTitle('Table query');
  const [tables, setTables] = useState<MonitorTable[] | null>(null);
  const [tablesError, setTablesError] = useState('');
  const [table, setTable] = useState(initialTable ?? 'analytics');
  const [key, setKey] = useState(initialKey ?? viewer);
  const [answer, setAnswer] = useState<Answer>({ kind: 'none' });
  const lookup = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void pollEvery(
      async (signal) => {
        try {
          const list = await api.getTables(signal);
          setTables(list);
          setTablesError('');
        } catch (error) {
          if (signal.aborted || isAbortError(error)) return;
          setTablesError(errorMessage(error));
        }
      },
      refreshMs,
      controller.signal,
    );
    return () => controller.abort();
  }, [refreshMs]);

  async function query(tableName: string, rawKey: string): Promise<void> {
    const k = rawKey.trim();
    lookup.current?.abort();
    if (k === '') {
      setAnswer({ kind: 'bad', message: 'Type a key to look up.' });
      return;
    }
    const controller = new AbortController();
    lookup.current = controller;
    setAnswer({ kind: 'loading', key: k });
    try {
      const result = await api.getTableValue(tableName, k, controller.signal);
      if (!controller.signal.aborted) setAnswer({ kind: 'found', result });
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      setAnswer(failure(error, tableName, k));
    }
  }

  // A deep link (#/tables/<table>/<key>) looks the key up at once.
  useEffect(() => {
    if (initialKey !== undefined) void query(initialTable ?? 'analytics', initialKey);
    return () => lookup.current?.abort();
    // Only on arrival: later lookups come from the form.
  }, []);

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void query(table, key);
  }

  const names = tables?.map((t) => t.name) ?? [table];
  return (
    <section className="page monitor-page">
      <h1 tabIndex={-1} className="page-title">
        Table query
      </h1>
      <p className="muted">
        A key&apos;s value in a group table, as this API&apos;s view of it holds it. Keys of the analytics table are handles, and you can read your own (
        {viewer}). Per-partition state is on the <a href={paths.processors()}>processors</a> page.
      </p>
      <TablesList tables={tables} error={tablesError} />
      <form className="table-query" aria-label="Table query" onSubmit={onSubmit}>
        <label className="field-label" htmlFor="table-query-table">
          Table
        </label>
        <select id="table-query-table" className="text-input" value={table} onChange={(e) => setTable(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="table-query-key">
          Key
        </label>
        <div className="search-row">
          <input
            id="table-query-key"
            className="text-input"
            type="search"
            value={key}
            aria-invalid={answer.kind === 'bad' || undefined}
            aria-describedby="table-query-answer"
            onChange={(e) => setKey(e.target.value)}
          />
          <button className="button button-primary" type="submit">
            Look up
          </button>
        </div>
      </form>
      <div id="table-query-answer" role="status" aria-live="polite">
        <AnswerView answer={answer} />
      </div>
    </section>
  );
}

function TablesList({ tables, error }: { tables: MonitorTable[] | null; error: string }): ReactElement {
  if (error && tables === null) return <p className="form-error">Cannot list the tables: {error}</p>;
  if (tables === null) return <p className="status">Loading tables…</p>;
  if (tables.length === 0) return <p className="status">This API holds no group table or view.</p>;
  return (
    <ul className="plain-list" aria-label="Tables">
      {tables.map((t) => (
        <li key={t.name}>
          <strong>{t.name}</strong> ({t.kind}, changelog {t.topic}): {t.viewReady ? 'ready' : 'its view is catching up'}
        </li>
      ))}
    </ul>
  );
}

function AnswerView({ answer }: { answer: Answer }): ReactElement | null {
  switch (answer.kind) {
    case 'none':
      return null;
    case 'loading':
      return <p className="status">Looking up {answer.key}…</p>;
    case 'not-found':
      return (
        <p className="notice">
          Not found: {answer.table} has no value for the key {answer.key}.
        </p>
      );
    case 'bad':
      return <p className="form-error">{answer.message}</p>;
    case 'found':
      return (
        <div className="table-value">
          <p>
            <strong>{answer.result.key}</strong> in {answer.result.table}:
          </p>
          <pre aria-label={`Value of ${answer.result.key}`}>{JSON.stringify(answer.result.value, null, 2)}</pre>
        </div>
      );
  }
}
