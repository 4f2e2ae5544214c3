import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface Front {
  port: number;
  close(): Promise<void>;
}

/**
 * One port in front of several API instances, for the cluster topology: each TCP connection goes
 * to the next backend in turn (one that refuses is skipped), bytes piped both ways untouched, so
 * keep-alive, SSE streams and request bodies behave as on the instance itself. A stand-in for a
 * real load balancer (nginx, HAProxy, a cloud LB) in front of the instances.
 */
export function startRoundRobinFront(port: number, backends: number[], host = '127.0.0.1'): Promise<Front> {
  let next = 0;
  const open = new Set<Socket>();
  const connect = (client: Socket, tries: number): void => {
    const backend = backends[next++ % backends.length]!;
    const upstream = createConnection({ host, port: backend });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      open.add(upstream);
      upstream.once('close', () => open.delete(upstream));
      client.pipe(upstream).pipe(client);
      client.resume();
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.once('error', () => {
      if (!connected && tries + 1 < backends.length) connect(client, tries + 1);
      else client.destroy();
    });
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    connect(client, 0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of open) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
