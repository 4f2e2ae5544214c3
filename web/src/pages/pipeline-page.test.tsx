import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import type { PipelineStatus } from '../types.ts';
import { PipelinePage } from './pipeline-page.tsx';

const status: PipelineStatus = {
  updatedAt: new Date().toISOString(),
  groups: [
    { group: 'fanout', lag: 120, partitions: [{ topic: 'twitter.newTweets', partition: 0, lag: 120 }] },
    { group: 'saver', lag: 0, partitions: [] },
  ],
  latency: [
    { stage: 'post-to-timeline', p50Seconds: 0.042, p99Seconds: 1.5 },
    { stage: 'tagging', p50Seconds: null, p99Seconds: null },
  ],
};

describe('PipelinePage', () => {
  it('says clearly when the monitor is unavailable, then recovers on the next refresh', async () => {
    let calls = 0;
    installFakeFetch({
      'GET /api/pipeline': () => (++calls === 1 ? json(503, { error: 'monitor is not running' }) : json(200, status)),
    });
    render(<PipelinePage refreshMs={20} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The pipeline monitor is unavailable.');
    expect(alert.textContent).toContain('monitor is not running');

    expect(await screen.findByRole('rowheader', { name: /fanout/ })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '120' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '42 ms' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '1.5 s' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: '—' })).toHaveLength(2);
  });

  it('stops refreshing when the page unmounts', async () => {
    const fake = installFakeFetch({ 'GET /api/pipeline': () => json(200, status) });
    const { unmount } = render(<PipelinePage refreshMs={60_000} />);
    await screen.findByRole('rowheader', { name: /saver/ });
    unmount();
    await waitFor(() => expect(fake.requests.every((r) => r.signal?.aborted)).toBe(true));
  });

  it('shows restarts per process when the supervisor reports them', async () => {
    const at = new Date().toISOString();
    installFakeFetch({
      'GET /api/pipeline': () =>
        json(200, {
          ...status,
          processes: [
            { name: 'tagger', state: 'up', restarts: 2, startedAt: at, lastExit: { code: null, signal: 'SIGKILL', at } },
            { name: 'graph', state: 'restarting', restarts: 0, startedAt: null, lastExit: null },
          ],
        }),
    });
    render(<PipelinePage refreshMs={60_000} />);
    const row = (await screen.findByRole('rowheader', { name: 'tagger' })).closest('tr')!;
    expect(row.textContent).toContain('2');
    expect(row.textContent).toContain('killed (SIGKILL)');
    expect(screen.getByRole('rowheader', { name: 'graph' }).closest('tr')!.textContent).toBe('graphrestarting0—');
  });
});
