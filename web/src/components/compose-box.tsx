import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactElement } from 'react';
import { measureTweet } from '../char-count.ts';
import { errorMessage } from '../error-message.ts';
import { Avatar } from './avatar.tsx';
import { CharCounter } from './char-counter.tsx';

export interface ComposeBoxProps {
  author: string;
  /**
   * Publishes the text (already trimmed). The box clears at once, since the page shows the tweet
   * optimistically; if this rejects, the text comes back and the error is shown beside the box.
   */
  onPost: (text: string) => Promise<void>;
  /** A reply box: the handle answered names the form, the field and the button (issue 18). */
  replyTo?: string;
  autoFocus?: boolean;
}

export function ComposeBox({ author, onPost, replyTo, autoFocus = false }: ComposeBoxProps): ReactElement {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const ids = useId();
  const inputId = `${ids}-text`;
  const countId = `${ids}-count`;
  const errorId = `${ids}-error`;
  const length = measureTweet(text);
  const canPost = !length.empty && !length.over;
  const prompt = replyTo === undefined ? "What's happening?" : `Reply to @${replyTo}`;

  function submit(event?: FormEvent): void {
    event?.preventDefault();
    if (!canPost) return;
    const body = text.trim();
    setText('');
    setError('');
    onPost(body).catch((err: unknown) => {
      const message = errorMessage(err);
      if (!message) return;
      setError(message);
      // Give the words back so they can be fixed, unless something new was typed meanwhile.
      setText((current) => (current === '' ? body : current));
      textarea.current?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit();
  }

  return (
    <form
      className={replyTo === undefined ? 'compose' : 'compose compose-reply'}
      onSubmit={submit}
      aria-label={replyTo === undefined ? 'Compose a tweet' : prompt}
    >
      <Avatar handle={author} />
      <div className="compose-body">
        <label htmlFor={inputId} className="visually-hidden">
          {prompt}
        </label>
        <textarea
          id={inputId}
          ref={textarea}
          className="compose-input"
          placeholder={replyTo === undefined ? prompt : 'Post your reply'}
          rows={replyTo === undefined ? 3 : 2}
          autoFocus={autoFocus}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError('');
          }}
          onKeyDown={onKeyDown}
          aria-describedby={error ? `${countId} ${errorId}` : countId}
          aria-invalid={length.over || error !== '' ? true : undefined}
        />
        <div className="compose-footer">
          <CharCounter id={countId} length={length} />
          <button type="submit" className="button button-primary" disabled={!canPost}>
            {replyTo === undefined ? 'Post' : 'Reply'}
          </button>
        </div>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
