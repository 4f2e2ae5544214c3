export interface AckedTweet {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

type EdgeAction = 'follow' | 'unfollow';

/**
 * What the API acknowledged, and nothing else: the invariants are checked against this. Requests
 * with an unknown outcome are kept apart (`maybe`): a tweet of one may exist, but need not.
 */
export class Model {
  readonly tweets = new Map<string, AckedTweet>();
  /** Texts of tweet requests whose outcome is unknown, by text → author. */
  readonly maybeTweets = new Map<string, string>();
  /** Per edge `user>target`: the acknowledged actions in order, with when the request was sent. */
  private readonly edges = new Map<string, { action: EdgeAction; sentAt: number }[]>();
  readonly clicksAcked = new Map<string, number>();
  readonly users = new Set<string>();
  refused = 0;

  ackTweet(t: AckedTweet): void {
    this.tweets.set(t.id, t);
  }

  ackEdge(user: string, target: string, action: EdgeAction, sentAt: number): void {
    const key = `${user}>${target}`;
    const list = this.edges.get(key) ?? [];
    list.push({ action, sentAt });
    this.edges.set(key, list);
  }

  ackClick(user: string): void {
    this.clicksAcked.set(user, (this.clicksAcked.get(user) ?? 0) + 1);
  }

  /** Whether the latest acknowledged action of the edge is a follow. */
  follows(user: string, target: string): boolean {
    const list = this.edges.get(`${user}>${target}`);
    return list !== undefined && list.at(-1)!.action === 'follow';
  }

  /** The acknowledged actions of an edge, oldest first. */
  edgeHistory(user: string, target: string): readonly { action: EdgeAction; sentAt: number }[] {
    return this.edges.get(`${user}>${target}`) ?? [];
  }

  /** Since when `user` has followed `target` without a break (the send time of the run's first follow). */
  followingSince(user: string, target: string): number | undefined {
    const list = this.edges.get(`${user}>${target}`);
    if (!list || list.at(-1)!.action !== 'follow') return undefined;
    let i = list.length - 1;
    while (i > 0 && list[i - 1]!.action === 'follow') i--;
    return list[i]!.sentAt;
  }

  /** The final graph: user → the set of accounts they follow. */
  following(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [key, list] of this.edges) {
      if (list.at(-1)!.action !== 'follow') continue;
      const [user, target] = key.split('>') as [string, string];
      const set = out.get(user) ?? new Set<string>();
      set.add(target);
      out.set(user, set);
    }
    return out;
  }

  followers(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [user, targets] of this.following()) {
      for (const t of targets) {
        const set = out.get(t) ?? new Set<string>();
        set.add(user);
        out.set(t, set);
      }
    }
    return out;
  }

  tweetsBy(): Map<string, AckedTweet[]> {
    const out = new Map<string, AckedTweet[]>();
    for (const t of this.tweets.values()) {
      const list = out.get(t.author) ?? [];
      list.push(t);
      out.set(t.author, list);
    }
    return out;
  }
}
