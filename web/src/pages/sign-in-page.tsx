import type { ReactElement } from 'react';
import { SignInForm } from '../components/sign-in-form.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

export function SignInPage({ onSignIn, rejected }: { onSignIn: (handle: string) => void; rejected: string | null }): ReactElement {
  useDocumentTitle('Sign in');
  return (
    <section className="page page-narrow">
      <h1 tabIndex={-1}>Sign in to chirp</h1>
      <p className="lede">See what’s happening, as anyone you like.</p>
      <SignInForm onSignIn={onSignIn} rejected={rejected} />
    </section>
  );
}
