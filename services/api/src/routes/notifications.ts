import { Router } from 'express';
import { z } from 'zod';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { signedIn } from '../auth.ts';
import { fromRedis, validationError } from '../http-error.ts';
import { limitParam } from './params.ts';

/** `<score>:<group id>` of the previous page's last group. */
function notificationCursor(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,16}:(mention|reply|like|retweet|follow):[A-Za-z0-9_-]{1,64}$/.test(value))
    throw new ChirpError('VALIDATION', 'cursor is not valid', { field: 'cursor' });
  return value;
}

const readBodySchema = z.object({ readAt: z.iso.datetime({ error: 'must be an ISO 8601 time' }).optional() }).strict();

/** Your own notifications only: the routes take no user, the session names it. */
export function notificationRoutes(deps: AppDeps): Router {
  const router = Router();

  /** Aggregated groups, newest activity first, with muted and blocked actors left out; `unread` for the badge. */
  router.get('/api/notifications', async (req, res) => {
    const me = signedIn(res);
    const limit = limitParam(req.query.limit);
    const cursor = notificationCursor(req.query.cursor);
    const hidden = await fromRedis(deps.relations.hiddenFor(me.handle));
    const page = await fromRedis(deps.notifications.page(me.handle, cursor, limit, hidden));
    res.json({ user: me.handle, ...page });
  });

  /**
   * Marks everything up to `readAt` (default: now) read: an event on twitter.notificationReads,
   * applied by the notify group, so the count clears a moment after the 204.
   */
  router.post('/api/notifications/read', async (req, res) => {
    const me = signedIn(res);
    const parsed = readBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const readAt = parsed.data.readAt ?? new Date().toISOString();
    if (Date.parse(readAt) > Date.now() + 60_000) throw new ChirpError('VALIDATION', 'readAt must not be in the future', { field: 'readAt' });
    await deps.publish.notificationsRead({ user: me.handle, readAt });
    res.status(204).end();
  });

  return router;
}
