import { useId, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { HANDLE_RULE, isHandle, normalizeHandle } from '../handle.ts';

export interface SignInFormProps {
  onSignIn: (handle: string) => void;
  /** An invalid `as=` from the URL, explained instead of silently ignored. */
  rejected?: string | null;
}

export function SignInForm({ onSignIn, rejected = null }: SignInFormProps): ReactElement {
  const [value, setValue] = useState('');
  const [error, setError] = useState(rejected === null ? '' : `“${rejected}” is not a valid handle (${HANDLE_RULE}).`);
  const ids = useId();

  function submit(event: FormEvent): void {
    event.preventDefault();
    const handle = normalizeHandle(value);
    if (!isHandle(handle)) {
      setError(handle === '' ? 'Enter a handle.' : `A handle is ${HANDLE_RULE}.`);
      return;
    }
    onSignIn(handle);
  }

  return (
    <form className="sign-in card" onSubmit={submit} noValidate>
      <label htmlFor={`${ids}-handle`} className="field-label">
        Handle
      </label>
      <div className="sign-in-row">
        <span className="handle-prefix" aria-hidden="true">
          @
        </span>
        <input
          id={`${ids}-handle`}
          className="text-input"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError('');
          }}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
          aria-describedby={error ? `${ids}-hint ${ids}-error` : `${ids}-hint`}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button button-primary">
          Sign in
        </button>
      </div>
      <p id={`${ids}-hint`} className="field-hint">
        No password: pick any handle, {HANDLE_RULE}.
      </p>
      {error && (
        <p id={`${ids}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
