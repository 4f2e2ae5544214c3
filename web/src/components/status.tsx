import type { ReactElement } from 'react';

/** Loading, empty and error states look and announce the same everywhere. */

export function Loading({ label = 'Loading…' }: { label?: string }): ReactElement {
  return (
    <p className="status-line" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: string }): ReactElement {
  return <p className="empty-state">{children}</p>;
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }): ReactElement {
  return (
    <div className="error-state" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
