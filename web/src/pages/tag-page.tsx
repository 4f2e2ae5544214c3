import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { ListFooter } from '../components/list-footer.tsx';
import { TweetList } from '../components/tweet-list.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';
import { appendPage } from '../merge-tweets.ts';
import type { Tweet } from '../types.ts';

export function TagPage({ viewer, tag }: { viewer: string; tag: string }): ReactElement {
  useDocumentTitle(`#${tag}`);
  const list = usePagedList<Tweet>({
    key: tag,
    load: (cursor, signal) => api.getTagTweets(tag, { cursor, signal }),
    append: appendPage,
  });
  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        #{tag}
      </h1>
      <TweetList tweets={list.items} viewer={viewer} label={`Tweets tagged ${tag}`} />
      <ListFooter list={list} noun="tweets" emptyText={`No tweets tagged #${tag} yet.`} />
    </section>
  );
}
