import { describe, it, expect } from 'vitest';
import { createSemaphore } from '../src/semaphore.ts';

describe('semaphore', () => {
  it('grants up to the limit, then queues in order', async () => {
    const sem = createSemaphore(2);
    const a = await sem.acquire();
    await sem.acquire();
    const order: string[] = [];
    const c = sem.acquire().then((r) => (order.push('c'), r));
    const d = sem.acquire().then((r) => (order.push('d'), r));
    expect(sem.inUse).toBe(2);
    expect(sem.waiting).toBe(2);
    a();
    a(); // a second release of the same slot is a no-op
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(sem.waiting).toBe(1);
    releaseC();
    await d;
    expect(order).toEqual(['c', 'd']);
    expect(sem.inUse).toBe(2);
  });

  it('drops a waiter whose signal aborts', async () => {
    const sem = createSemaphore(1);
    await sem.acquire();
    const ac = new AbortController();
    const waiting = sem.acquire(ac.signal);
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(sem.waiting).toBe(0);
  });

  it('run() holds a permit for the task and releases it when the task fails', async () => {
    const sem = createSemaphore(1);
    await expect(
      sem.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(sem.inUse).toBe(0);
    expect(await sem.run(async () => 7)).toBe(7);
  });
});
