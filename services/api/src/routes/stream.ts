import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { actingAs, signedIn } from '../auth.ts';
import { handleParam } from './params.ts';

/** Server-Sent Events: `event: tweet` for every tweet that reaches the user's home timeline. */
export function streamRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/stream', (req, res) => {
    // The signed-in user's stream; `?user=` is accepted only when it names them.
    const user = req.query.user === undefined ? signedIn(res).handle : actingAs(res, handleParam(req.query.user));
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const unsubscribe = deps.live.subscribe(user, (tweet) => {
      res.write(`event: tweet\nid: ${tweet.id}\ndata: ${JSON.stringify(tweet)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
  return router;
}
