import type { ReactElement } from 'react';

export function newTweetsLabel(count: number): string {
  return count === 1 ? '1 new tweet' : `${count} new tweets`;
}

/**
 * The "N new tweets" button above a timeline. The wrapper is always present and polite-live, so
 * screen readers hear the count change without the list moving under anyone's eyes.
 */
export function NewTweetsBanner({ count, onShow }: { count: number; onShow: () => void }): ReactElement {
  return (
    <div className="new-tweets" aria-live="polite">
      {count > 0 && (
        <button type="button" className="new-tweets-button" onClick={onShow}>
          <span aria-hidden="true">↑ </span>
          {newTweetsLabel(count)}
        </button>
      )}
    </div>
  );
}
