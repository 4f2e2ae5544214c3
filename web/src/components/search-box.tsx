import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { paths } from '../router.ts';

/** The header's search field: submits to #/search/<query>. */
export function SearchBox({ initial = '' }: { initial?: string }): ReactElement {
  const [q, setQ] = useState(initial);
  function submit(event: FormEvent): void {
    event.preventDefault();
    const query = q.trim();
    if (query) window.location.hash = paths.search(query);
  }
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="search-q">
        Search tweets and people
      </label>
      <input id="search-q" type="search" placeholder="Search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
    </form>
  );
}
