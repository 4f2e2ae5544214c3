import type { ReactElement } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { paths } from '../router.ts';

export function NotFoundPage({ message = 'There is nothing at this address.' }: { message?: string }): ReactElement {
  useDocumentTitle('Not found');
  return (
    <section className="page page-narrow">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>{message}</p>
      <p>
        <a href={paths.home()}>Go to your home timeline</a>
      </p>
    </section>
  );
}
