import type { ReactElement } from 'react';
import type { TweetLength } from '../char-count.ts';
import { TWEET_MAX_CHARS } from '../char-count.ts';

/**
 * "12/280", turning amber near the limit and red past it. The count is not a live region (that
 * would speak on every keystroke); only crossing the limit is announced.
 */
export function CharCounter({ id, length, max = TWEET_MAX_CHARS }: { id: string; length: TweetLength; max?: number }): ReactElement {
  const state = length.over ? 'over' : length.near ? 'near' : 'ok';
  return (
    <p className="char-counter" data-state={state}>
      <span id={id}>
        {length.count}/{max}
        {length.over && ` (${-length.remaining} over the limit)`}
        {!length.over && length.near && <span className="visually-hidden"> characters, {length.remaining} left</span>}
        {state === 'ok' && <span className="visually-hidden"> characters</span>}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {length.over ? `Too long: tweets can have at most ${max} characters.` : ''}
      </span>
    </p>
  );
}
