import { useId, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { ApiError } from '../api-error.ts';
import { errorMessage } from '../error-message.ts';
import { HANDLE_RULE, isHandle, normalizeHandle } from '../handle.ts';

export type SignInMode = 'sign-in' | 'sign-up';

export interface SignInFormProps {
  onSubmit: (mode: SignInMode, handle: string, password: string) => Promise<void>;
}

const PASSWORD_MIN = 10;

/** What went wrong, said beside the form: taken handle, wrong password, too many attempts. */
function failure(mode: SignInMode, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 409) return 'That handle is taken. Pick another, or sign in if it is yours.';
    if (err.status === 401) return 'Wrong handle or password.';
    if (err.status === 429) return mode === 'sign-in' ? 'Too many failed attempts. Wait a few minutes and try again.' : 'Too many requests. Wait a moment.';
  }
  return errorMessage(err) || 'Something went wrong. Please try again.';
}

export function SignInForm({ onSubmit }: SignInFormProps): ReactElement {
  const [mode, setMode] = useState<SignInMode>('sign-in');
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = useId();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const h = normalizeHandle(handle);
    if (!isHandle(h)) return setError(h === '' ? 'Enter a handle.' : `A handle is ${HANDLE_RULE}.`);
    if (mode === 'sign-up' && password.length < PASSWORD_MIN) return setError(`A password is at least ${PASSWORD_MIN} characters.`);
    if (password === '') return setError('Enter your password.');
    setBusy(true);
    setError('');
    try {
      await onSubmit(mode, h, password);
    } catch (err) {
      setError(failure(mode, err));
      setBusy(false);
    }
  }

  const clear = (): void => setError('');
  return (
    <form className="sign-in card" onSubmit={(e) => void submit(e)} noValidate aria-label={mode === 'sign-in' ? 'Sign in' : 'Create account'}>
      <label htmlFor={`${ids}-handle`} className="field-label">
        Handle
      </label>
      <div className="sign-in-row">
        <span className="handle-prefix" aria-hidden="true">
          @
        </span>
        <input
          id={`${ids}-handle`}
          name="handle"
          className="text-input"
          value={handle}
          onChange={(e) => {
            setHandle(e.target.value);
            clear();
          }}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <label htmlFor={`${ids}-password`} className="field-label">
        Password
      </label>
      <input
        id={`${ids}-password`}
        name="password"
        type="password"
        className="text-input"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          clear();
        }}
        autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
        maxLength={128}
        aria-describedby={error ? `${ids}-hint ${ids}-error` : `${ids}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${ids}-hint`} className="field-hint">
        {mode === 'sign-in' ? `Handles are ${HANDLE_RULE}.` : `Pick a handle (${HANDLE_RULE}) and a password of ${PASSWORD_MIN} to 128 characters.`}
      </p>
      {error && (
        <p id={`${ids}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="sign-in-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {mode === 'sign-in' ? 'Sign in' : 'Create account'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in');
            clear();
          }}
        >
          {mode === 'sign-in' ? 'New here? Create an account' : 'Have an account? Sign in'}
        </button>
      </div>
    </form>
  );
}
