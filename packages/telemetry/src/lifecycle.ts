import type { Logger } from 'pino';

export interface Closeable {
  close(): Promise<void>;
}

/**
 * Entry-point glue: runs `start`, then on SIGTERM/SIGINT closes what it returned, once, and exits.
 * A second signal while closing exits at once (the operator means it).
 */
export async function runMain(logger: Logger, start: () => Promise<Closeable>): Promise<void> {
  let closing = false;
  let app: Closeable | undefined;
  const shutdown = (signal: string): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    (app ? app.close() : Promise.resolve()).then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    app = await start();
    if (closing) await app.close();
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}

/** Closes several resources in order, each in its own try so one failure does not skip the rest. */
export async function closeAll(logger: Logger, steps: [string, () => Promise<unknown>][]): Promise<void> {
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      logger.warn({ err: error, step: name }, 'close step failed');
    }
  }
}
