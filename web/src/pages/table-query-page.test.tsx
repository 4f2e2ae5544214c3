import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import { TableQueryPage } from './table-query-page.tsx';

const tables = { tables: [{ name: 'analytics', kind: 'group table', topic: 'twitter.analytics-table', viewReady: true }] };
const aliceValue = { table: 'analytics', key: 'alice', value: { affinity: { cats: 1.5 }, clicks: 2, minutes: [] } };

function api(): ReturnType<typeof installFakeFetch> {
  return installFakeFetch({
    'GET /api/monitor/tables': () => json(200, tables),
    'GET /api/monitor/tables/analytics/alice': () => json(200, aliceValue),
    'GET /api/monitor/tables/analytics/nobody': () => json(404, { error: 'no value for key nobody in table analytics', field: 'key' }),
    'GET /api/monitor/tables/analytics/bob': () => json(403, { error: 'signed in as alice, not bob', field: 'key' }),
    'GET /api/monitor/tables/analytics/bad%20key!': () => json(400, { error: 'must be 1-15 letters, digits or _', field: 'key' }),
  });
}

const keyBox = (): HTMLInputElement => screen.getByLabelText('Key');
const answer = (): HTMLElement => screen.getByRole('status');

async function lookUp(key: string): Promise<void> {
  fireEvent.change(keyBox(), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
  await waitFor(() => expect(answer().textContent).not.toMatch(/^$|Looking up/));
}

describe('TableQueryPage', () => {
  it("lists the tables and returns the viewer's own value, the analytics table first", async () => {
    const fake = api();
    render(<TableQueryPage viewer="alice" refreshMs={60_000} />);
    expect((await screen.findByRole('list', { name: 'Tables' })).textContent).toContain('analytics (group table, changelog twitter.analytics-table): ready');
    expect(keyBox().value).toBe('alice');
    expect(screen.getByLabelText<HTMLSelectElement>('Table').value).toBe('analytics');
    await lookUp('alice');
    expect(screen.getByLabelText('Value of alice').textContent).toBe(JSON.stringify(aliceValue.value, null, 2));
    expect(fake.requests.some((r) => r.url.pathname === '/api/monitor/tables/analytics/alice')).toBe(true);
  });

  it('says "not found" on a 404 and names the problem on a bad or foreign key', async () => {
    api();
    render(<TableQueryPage viewer="alice" refreshMs={60_000} />);
    await screen.findByRole('list', { name: 'Tables' });
    await lookUp('nobody');
    expect(answer().textContent).toBe('Not found: analytics has no value for the key nobody.');
    await lookUp('bad key!');
    expect(answer().textContent).toBe('Key must be 1-15 letters, digits or _.');
    expect(keyBox().getAttribute('aria-invalid')).toBe('true');
    await lookUp('bob');
    expect(answer().textContent).toBe('Signed in as alice, not bob. Only your own key (your handle) can be read.');
    await lookUp('   ');
    expect(answer().textContent).toBe('Type a key to look up.');
  });

  it('looks a deep-linked key up on arrival', async () => {
    api();
    render(<TableQueryPage viewer="alice" table="analytics" initialKey="alice" refreshMs={60_000} />);
    expect((await screen.findByLabelText('Value of alice')).textContent).toContain('"cats": 1.5');
  });
});
