import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProcessorsStatus } from '../monitor-types.ts';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import { formatLagSeconds, formatRate, ProcessorsPage } from './processors-page.tsx';

function status(analyticsLag: number): ProcessorsStatus {
  return {
    updatedAt: new Date().toISOString(),
    rateWindowSeconds: 10,
    groups: [
      {
        group: 'twitter.analytics',
        members: 1,
        lag: analyticsLag,
        lagSeconds: analyticsLag === 0 ? 0 : 2.5,
        inputRate: 4,
        consumeRate: 2,
        outputTopics: ['twitter.analytics-table'],
        outputRate: 2,
        retryRecords: 0,
        deadLetterRecords: 3,
        table: {
          topic: 'twitter.analytics-table',
          partitions: [
            { group: 'twitter.analytics', partition: 0, state: 'running', restoredRecords: 40, restoreSeconds: 0.5, restoreRate: 80, source: 'w' },
            { group: 'twitter.analytics', partition: 1, state: 'recovering', restoredRecords: 10, restoreSeconds: 2, restoreRate: 5, source: 'w' },
          ],
        },
        partitions: [
          {
            topic: 'twitter.clicks',
            partition: 0,
            offset: 7,
            high: 7 + analyticsLag,
            lag: analyticsLag,
            lagSeconds: analyticsLag === 0 ? 0 : 2.5,
            inputRate: 4,
            consumeRate: 2,
          },
          { topic: 'twitter.clicks', partition: 1, offset: null, high: 0, lag: 0, lagSeconds: 0, inputRate: null, consumeRate: null },
        ],
      },
      {
        group: 'twitter.saver',
        members: 0,
        lag: 5,
        lagSeconds: null,
        inputRate: 0,
        consumeRate: 0,
        outputTopics: [],
        outputRate: null,
        retryRecords: null,
        deadLetterRecords: null,
        table: null,
        partitions: [{ topic: 'twitter.newTweets', partition: 0, offset: 1, high: 6, lag: 5, lagSeconds: null, inputRate: 0, consumeRate: 0 }],
      },
    ],
    views: [
      {
        name: 'analytics',
        process: 'api',
        topic: 'twitter.analytics-table',
        ready: true,
        keys: 12,
        partitions: [{ partition: 0, position: 9, high: 10, lag: 1 }],
      },
    ],
  };
}

const row = (name: RegExp | string): HTMLElement => screen.getAllByRole('rowheader', { name })[0]!.closest('tr')!;

describe('ProcessorsPage', () => {
  it('shows every group with its partitions, lag in messages and seconds, rates, retry/DLQ, table recovery and views', async () => {
    installFakeFetch({ 'GET /api/monitor/processors': () => json(200, status(6)) });
    render(<ProcessorsPage refreshMs={60_000} />);
    const summary = await screen.findByRole('table', { name: 'Processors (consumer groups)' });
    const analytics = within(summary).getByRole('rowheader', { name: 'twitter.analytics' }).closest('tr')!;
    expect([...analytics.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '6', '2.5 s', '4.0/s', '2.0/s', '2.0/s', '0', '3']);
    const saver = within(summary).getByRole('rowheader', { name: 'twitter.saver' }).closest('tr')!;
    expect([...saver.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '5', 'not moving', '0/s', '0/s', 'Redis only', '—', '—']);

    const partitions = screen.getByRole('table', { name: 'Partitions of twitter.analytics' });
    expect(within(partitions).getByRole('rowheader', { name: 'twitter.clicks[0]' }).closest('tr')!.textContent).toBe('twitter.clicks[0]71362.5 s4.0/s2.0/s');
    expect(within(partitions).getByRole('rowheader', { name: 'twitter.clicks[1]' }).closest('tr')!.textContent).toBe('twitter.clicks[1]—00caught up——');

    const recovery = screen.getByRole('table', { name: 'Table twitter.analytics-table: recovery per partition' });
    expect(within(recovery).getByRole('rowheader', { name: '0' }).closest('tr')!.textContent).toBe('0running40500 ms80/s');
    expect(within(recovery).getByRole('rowheader', { name: '1' }).closest('tr')!.textContent).toBe('1recovering102.0 s5.0/s');
    expect(screen.queryByRole('table', { name: /Table twitter\.saver/ })).toBeNull();

    expect(row(/analytics in api/).textContent).toContain('[0] 9 / 10, 1 behind');
    expect(screen.getByText(/rates over the last 10 s/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'table query' }).getAttribute('href')).toBe('#/tables');
  });

  it('refreshes live: new lag shows on the next poll', async () => {
    let calls = 0;
    installFakeFetch({ 'GET /api/monitor/processors': () => json(200, status(++calls === 1 ? 0 : 9)) });
    render(<ProcessorsPage refreshMs={20} />);
    const summary = await screen.findByRole('table', { name: 'Processors (consumer groups)' });
    await waitFor(() => expect(within(summary).getByRole('rowheader', { name: 'twitter.analytics' }).closest('tr')!.textContent).toContain('9'));
    expect(calls).toBeGreaterThan(1);
  });

  it('says clearly when the monitor is unavailable, keeps the last numbers when a later refresh fails, and stops on unmount', async () => {
    let calls = 0;
    const fake = installFakeFetch({
      'GET /api/monitor/processors': () =>
        ++calls === 1 ? json(503, { error: 'the lag monitor is unavailable' }) : calls === 2 ? json(200, status(6)) : json(500, {}),
    });
    const { unmount } = render(<ProcessorsPage refreshMs={20} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The pipeline monitor is unavailable.');
    await screen.findByRole('table', { name: 'Processors (consumer groups)' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Refresh failed, showing the last numbers/));
    expect(screen.getByRole('table', { name: 'Partitions of twitter.saver' })).toBeTruthy();
    unmount();
    await waitFor(() => expect(fake.requests.every((r) => r.signal?.aborted)).toBe(true));
  });

  it('formats rates and lag time for people', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.25)).toBe('0.3/s');
    expect(formatRate(1234.4)).toBe('1,234/s');
    expect(formatLagSeconds(0, null)).toBe('caught up');
    expect(formatLagSeconds(3, null)).toBe('not moving');
    expect(formatLagSeconds(3, 90)).toBe('1.5 min');
  });
});
