import { Router, type Request, type Response } from 'express';
import type { StoredTweet } from '@chirp/store';
import type { AppDeps } from '../deps.ts';
import { actingAs, signedIn } from '../auth.ts';
import { fromRedis } from '../http-error.ts';
import type { LiveSink } from '../live-hub.ts';
import { handleParam } from './params.ts';

const frame = (tweet: StoredTweet): string => `event: tweet\nid: ${tweet.id}\ndata: ${JSON.stringify(tweet)}\n\n`;

/** The stream's end of the hub: SSE frames on the response; unsent bytes are the response's and its socket's. */
function responseSink(res: Response): LiveSink {
  return {
    send: (tweet) => void res.write(frame(tweet)),
    removed: (tweetId) => void res.write(`event: delete\ndata: ${JSON.stringify({ id: tweetId })}\n\n`),
    buffered: () => res.writableLength, // the response's own buffer and its socket's
    close: () => void res.destroy(),
  };
}

/** The id the client saw last: the standard header on a reconnect, or `?lastEventId=` for a first connect. */
function lastEventId(req: Request): string | undefined {
  const value = req.get('last-event-id') ?? (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * Server-Sent Events: `event: tweet` for every tweet that reaches the user's home timeline, and
 * `event: delete` (`{id}`) when a tweet is deleted. Capped
 * per user and client (429); a client that stops reading is dropped past the hub's byte bound;
 * after `Last-Event-ID` the tweets of the home timeline newer than it come first, oldest first.
 */
export function streamRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/stream', async (req, res) => {
    // The signed-in user's stream; `?user=` is accepted only when it names them.
    const user = req.query.user === undefined ? signedIn(res).handle : actingAs(res, handleParam(req.query.user));
    const after = lastEventId(req);
    // Live tweets that arrive while the replay is read wait, so the order holds and none is sent twice.
    let queue: StoredTweet[] | undefined = after ? [] : undefined;
    const sink = responseSink(res);
    const unsubscribe = deps.live.subscribe(user, req.ip ?? 'unknown', { ...sink, send: (t) => (queue ? queue.push(t) : sink.send(t)) });
    req.on('close', unsubscribe);
    let missed: StoredTweet[];
    try {
      missed = after ? await fromRedis(deps.live.missed(user, after)) : [];
    } catch (error) {
      unsubscribe();
      throw error;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const sent = new Set(missed.map((t) => t.id));
    for (const t of missed) sink.send(t);
    for (const t of queue ?? []) if (!sent.has(t.id)) sink.send(t);
    queue = undefined;
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => clearInterval(keepAlive));
  });
  return router;
}
