import type { ReactElement } from 'react';
import { SignInForm, type SignInFormProps } from '../components/sign-in-form.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

export function SignInPage({ onSubmit }: SignInFormProps): ReactElement {
  useDocumentTitle('Sign in');
  return (
    <section className="page page-narrow">
      <h1 tabIndex={-1}>Sign in to chirp</h1>
      <p className="lede">See what’s happening with the people you follow.</p>
      <SignInForm onSubmit={onSubmit} />
    </section>
  );
}
