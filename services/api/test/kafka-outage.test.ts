import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, freePort, signUp, startService, waitFor } from '@chirp/testkit';
import { systemTopics } from '@chirp/core';
import { createKafka, ensureTopics } from '@chirp/streams';
import { startBroker } from '@chirp/stack/kafka-broker';

// A private broker for this suite: stopping the shared one would break every other suite.
const ctx = await createTestContext();
const dir = mkdtempSync(join(tmpdir(), 'chirp-outage-'));
ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
// Ports the OS picks, so two checkouts (or a leftover broker) never collide on a fixed one.
const PORT = await freePort();
const brokerOptions = { dataDir: join(dir, 'kafka'), logFile: join(dir, 'kafka.log'), port: PORT, controllerPort: await freePort(), heap: '-Xms256m -Xmx512m' };
let broker = await startBroker(brokerOptions, () => undefined);
ctx.onCleanup(() => broker.stop());
await ensureTopics(createKafka({ brokers: `127.0.0.1:${PORT}`, clientId: 'outage-test' }), systemTopics(ctx.prefix, 2));
const api = await startService('api', ctx.env({ KAFKA_BROKERS: `127.0.0.1:${PORT}`, API_PORT: '0', METRICS_PORT: '0' }));
ctx.onCleanup(() => api.stop());
const url = `http://127.0.0.1:${api.port}`;
const ann = await signUp(url, 'ann');
const post = (text: string): Promise<Response> =>
  ann.fetch(`${url}/api/tweets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ author: 'ann', text }) });

describe('Kafka outage', () => {
  it('posting answers 503 and /readyz fails while Kafka is down; both recover without restarting the API', async () => {
    expect((await post('before')).status).toBe(201);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    await broker.stop();
    const t0 = Date.now();
    const down = await post('during');
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: string }).error).toMatch(/Kafka/);
    expect(Date.now() - t0).toBeLessThan(15_000); // fails fast, the client is not left hanging
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 503, { what: '/readyz to fail', timeoutMs: 10_000 });

    broker = await startBroker(brokerOptions, () => undefined);
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, { what: '/readyz to recover', timeoutMs: 30_000, intervalMs: 250 });
    const back = await waitFor(
      async () => {
        const res = await post('after');
        return res.status === 201 ? res : null;
      },
      { what: 'posting to work again', timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(back.status).toBe(201);
  });
});
