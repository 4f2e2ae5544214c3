import type { ReactElement } from 'react';

/** "Follow" / "Unfollow": the name says what pressing it will do, which is what a screen reader reads. */
export function FollowButton({ follows, handle, onToggle }: { follows: boolean; handle: string; onToggle: () => void }): ReactElement {
  return (
    <button
      type="button"
      className={follows ? 'button button-secondary follow-button' : 'button button-primary follow-button'}
      onClick={onToggle}
      title={follows ? `Stop following @${handle}` : `Follow @${handle}`}
    >
      {follows ? 'Unfollow' : 'Follow'}
    </button>
  );
}
