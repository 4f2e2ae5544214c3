import { z } from 'zod';

/**
 * What `npm start`'s supervisor knows of each process it runs, written to a small JSON file
 * (`STACK_STATUS_FILE`) every time a process starts, exits or is restarted. The API reads it for
 * the pipeline page; under docker compose there is no such file (Docker counts restarts there).
 */
export const processStatusSchema = z.object({
  name: z.string(),
  pid: z.number().int().nullable(),
  /** `up`: running; `restarting`: exited, waiting out its backoff; `stopped`: by `npm start`'s shutdown. */
  state: z.enum(['up', 'restarting', 'stopped']),
  /** Restarts after a crash since `npm start` began (not counting the first start). */
  restarts: z.number().int().min(0),
  startedAt: z.string().nullable(),
  lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
});
export type ProcessStatus = z.infer<typeof processStatusSchema>;

export const stackStatusSchema = z.object({ updatedAt: z.string(), processes: z.array(processStatusSchema) });
export type StackStatus = z.infer<typeof stackStatusSchema>;
