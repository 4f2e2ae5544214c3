import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { Avatar } from '../components/avatar.tsx';
import { FollowButton } from '../components/follow-button.tsx';
import { RelationButtons } from '../components/relation-buttons.tsx';
import { ListFooter } from '../components/list-footer.tsx';
import { ErrorState, Loading } from '../components/status.tsx';
import { TabsNav } from '../components/tabs-nav.tsx';
import { TweetList } from '../components/tweet-list.tsx';
import { UserList } from '../components/user-list.tsx';
import { errorMessage } from '../error-message.ts';
import { followView } from '../follow-state.ts';
import { formatCount } from '../format.ts';
import { isHandle } from '../handle.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLiveTweets } from '../hooks/use-live-tweets.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';
import { appendPage, removeTweet } from '../merge-tweets.ts';
import { sleep } from '../poll.ts';
import { paths } from '../router.ts';
import type { ProfileTab } from '../router.ts';
import type { Page, Tweet, UserProfile } from '../types.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** How long to keep re-reading the profile after a follow, while the Kafka consumer catches up. */
const RECONCILE_DELAYS_MS = [300, 1000, 2000, 4000, 8000];

type ProfileLoad = { state: 'loading' } | { state: 'ready'; profile: UserProfile } | { state: 'error'; error: unknown };

export function ProfilePage({ viewer, handle, tab }: { viewer: string; handle: string; tab: ProfileTab }): ReactElement {
  if (!isHandle(handle)) return <NotFoundPage message={`“${handle}” is not a valid handle.`} />;
  return <Profile key={handle} viewer={viewer} handle={handle} tab={tab} />;
}

function Profile({ viewer, handle, tab }: { viewer: string; handle: string; tab: ProfileTab }): ReactElement {
  useDocumentTitle(`@${handle}`);
  const [load, setLoad] = useState<ProfileLoad>({ state: 'loading' });
  const [intent, setIntent] = useState<boolean | null>(null);
  const [followError, setFollowError] = useState('');
  // Bumped when a follow settles, so an open followers list shows the change.
  const [listVersion, setListVersion] = useState(0);
  const reconcile = useRef<AbortController | null>(null);
  const own = viewer === handle;

  const fetchProfile = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const profile = await api.getUser(handle, viewer, signal);
        if (!signal?.aborted) setLoad({ state: 'ready', profile });
        return profile;
      } catch (error) {
        if (!signal?.aborted) setLoad((prev) => (prev.state === 'ready' ? prev : { state: 'error', error }));
        return null;
      }
    },
    [handle, viewer],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchProfile(controller.signal);
    return () => {
      controller.abort();
      reconcile.current?.abort();
    };
  }, [fetchProfile]);

  async function toggleFollow(current: boolean): Promise<void> {
    const want = !current;
    reconcile.current?.abort();
    const controller = new AbortController();
    reconcile.current = controller;
    setIntent(want);
    setFollowError('');
    try {
      await (want ? api.follow(viewer, handle) : api.unfollow(viewer, handle));
    } catch (error) {
      if (controller.signal.aborted) return;
      setIntent(null);
      setFollowError(errorMessage(error) || 'Could not update. Try again.');
      return;
    }
    // Accepted, but applied later from Kafka: keep the optimistic state until a refetch agrees.
    for (const delay of RECONCILE_DELAYS_MS) {
      await sleep(delay, controller.signal);
      if (controller.signal.aborted) return;
      const profile = await fetchProfile(controller.signal);
      if (profile !== null && (profile.viewerFollows === want || profile.viewerFollows === undefined)) {
        setIntent(null);
        setListVersion((v) => v + 1);
        return;
      }
    }
  }

  return (
    <section className="page">
      <header className="profile-head">
        <Avatar handle={handle} size="lg" />
        <div className="profile-id">
          <h1 tabIndex={-1} className="page-title">
            @{handle}
          </h1>
          {own && <p className="muted">This is you.</p>}
        </div>
        {load.state === 'ready' && !own && (
          <FollowButton
            follows={followView(load.profile, intent).follows}
            handle={handle}
            onToggle={() => void toggleFollow(followView(load.profile, intent).follows)}
          />
        )}
        {!own && <RelationButtons viewer={viewer} handle={handle} />}
      </header>
      {followError && (
        <p className="form-error" role="alert">
          {followError}
        </p>
      )}
      {load.state === 'loading' && <Loading label="Loading profile…" />}
      {load.state === 'error' && (
        <ErrorState
          message={errorMessage(load.error)}
          onRetry={() => {
            setLoad({ state: 'loading' });
            void fetchProfile();
          }}
        />
      )}
      {load.state === 'ready' && <ProfileCounts profile={load.profile} followers={followView(load.profile, intent).followers} handle={handle} />}
      <TabsNav
        label="Profile"
        tabs={[
          { href: paths.profile(handle), label: 'Tweets', active: tab === 'tweets' },
          { href: paths.profile(handle, 'followers'), label: 'Followers', active: tab === 'followers' },
          { href: paths.profile(handle, 'following'), label: 'Following', active: tab === 'following' },
        ]}
      />
      {tab === 'tweets' ? <ProfileTweets viewer={viewer} handle={handle} /> : <ProfileUsers handle={handle} tab={tab} version={listVersion} />}
    </section>
  );
}

function ProfileCounts({ profile, followers, handle }: { profile: UserProfile; followers: number; handle: string }): ReactElement {
  return (
    <dl className="profile-counts">
      <div>
        <dt>Tweets</dt>
        <dd>{formatCount(profile.tweets)}</dd>
      </div>
      <div>
        <dt>
          <a href={paths.profile(handle, 'following')}>Following</a>
        </dt>
        <dd>{formatCount(profile.following)}</dd>
      </div>
      <div>
        <dt>
          <a href={paths.profile(handle, 'followers')}>Followers</a>
        </dt>
        <dd data-testid="followers-count">{formatCount(followers)}</dd>
      </div>
    </dl>
  );
}

function ProfileTweets({ viewer, handle }: { viewer: string; handle: string }): ReactElement {
  const list = usePagedList<Tweet>({
    key: handle,
    load: (cursor, signal) => api.getUserTweets(handle, { cursor, signal }),
    append: appendPage,
  });
  // A deleted tweet leaves the open profile in place (issue 18); new tweets wait for a reload here.
  useLiveTweets(viewer, ignoreLiveTweet, (id) => list.update((items) => removeTweet(items, id)));
  return (
    <>
      <TweetList tweets={list.items} viewer={viewer} label={`Tweets by @${handle}`} />
      <ListFooter list={list} noun="tweets" emptyText={`@${handle} hasn’t tweeted yet.`} />
    </>
  );
}

function ignoreLiveTweet(): void {}

function ProfileUsers({ handle, tab, version }: { handle: string; tab: 'followers' | 'following'; version: number }): ReactElement {
  const list = usePagedList<string>({
    key: `${handle}|${tab}|${version}`,
    load: (cursor, signal): Promise<Page<string>> =>
      tab === 'followers' ? api.getFollowers(handle, { cursor, signal }) : api.getFollowing(handle, { cursor, signal }),
  });
  const label = tab === 'followers' ? `Followers of @${handle}` : `Accounts @${handle} follows`;
  return (
    <>
      <UserList users={list.items} label={label} />
      <ListFooter
        list={list}
        noun={tab === 'followers' ? 'followers' : 'accounts'}
        emptyText={tab === 'followers' ? `Nobody follows @${handle} yet.` : `@${handle} doesn’t follow anyone yet.`}
      />
    </>
  );
}
