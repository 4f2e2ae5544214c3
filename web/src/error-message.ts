import { ApiError, isAbortError } from './api-error.ts';

/** Turns any failure into one sentence a person can act on; '' means "say nothing" (a cancelled request). */
export function errorMessage(err: unknown): string {
  if (isAbortError(err)) return '';
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (true) {
    case err.status === 0:
      return 'Cannot reach the server. Check your connection and try again.';
    case err.status === 400:
      return withField(err.message, err.field);
    case err.status === 404 && err.field !== undefined:
      // A named input that is gone ("the tweet replied to does not exist"): the API says which.
      return sentence(err.message);
    case err.status === 404:
      return 'Not found. It may have been deleted, or the link is wrong.';
    case err.status === 409:
      return sentence(err.message);
    case err.status === 429:
      return 'You are going too fast. Wait a moment and try again.';
    case err.status === 503:
      return 'The service is temporarily unavailable. Try again in a moment.';
    case err.status >= 500:
      return 'Something went wrong on our side. Try again in a moment.';
    default:
      return sentence(err.message);
  }
}

/** The API says `{field: "text", error: "must not be empty"}`; a reader wants "Text must not be empty." */
function withField(message: string, field: string | undefined): string {
  const startsLower = /^[a-z]/.test(message);
  if (field && startsLower && !message.toLowerCase().startsWith(field.toLowerCase())) {
    return sentence(`${field} ${message}`);
  }
  return sentence(message);
}

function sentence(message: string): string {
  const m = message.trim();
  if (!m) return 'Something went wrong. Please try again.';
  const capital = m[0]!.toUpperCase() + m.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
