import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { errorMessage } from './error-message.ts';

describe('errorMessage', () => {
  it('names the field of a 400 in a sentence', () => {
    expect(errorMessage(new ApiError(400, 'must be at most 280 characters', { field: 'text' }))).toBe('Text must be at most 280 characters.');
    expect(errorMessage(new ApiError(400, 'Cannot follow yourself', { field: 'target' }))).toBe('Cannot follow yourself.');
  });

  it('says which input is gone on a 404 naming a field, and stays generic otherwise', () => {
    expect(errorMessage(new ApiError(404, 'the tweet replied to does not exist (or was deleted)', { field: 'replyTo' }))).toBe(
      'The tweet replied to does not exist (or was deleted).',
    );
    expect(errorMessage(new ApiError(404, 'no such tweet'))).toBe('Not found. It may have been deleted, or the link is wrong.');
  });

  it('explains outages and lost connections without jargon', () => {
    expect(errorMessage(new ApiError(503, 'kafka unavailable'))).toMatch(/temporarily unavailable/);
    expect(errorMessage(new ApiError(0, 'Cannot reach the server'))).toMatch(/connection/);
    expect(errorMessage(new ApiError(500, 'TypeError: x is undefined'))).not.toMatch(/TypeError/);
  });

  it('stays silent for a cancelled request', () => {
    expect(errorMessage(new DOMException('aborted', 'AbortError'))).toBe('');
  });
});
