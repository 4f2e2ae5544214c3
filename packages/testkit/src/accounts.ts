/** The password every test account gets unless a test picks one: long enough for the API's rule. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  handle: string;
  password: string;
  token: string;
  /** `Authorization: Bearer <token>`, to spread into fetch headers. */
  headers: { authorization: string };
  /** fetch as this user: the bearer token added to `init.headers`. */
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
}

/** Signs an existing account in: `POST /api/sessions` → its token. */
export async function signIn(baseUrl: string, handle: string, password = TEST_PASSWORD): Promise<TestUser> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${handle} answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    handle,
    password,
    token,
    headers,
    fetch: (url, init = {}) => {
      const merged = new Headers(init.headers);
      merged.set('authorization', headers.authorization);
      return fetch(url, { ...init, headers: merged });
    },
  };
}

/**
 * Creates an account through the API (`POST /api/accounts`, which waits for the accounts applier)
 * and signs it in. An account that exists already (409) is signed in with the same password, so
 * a suite can call it for the same handle twice. A 503 (the applier's verdict did not come in
 * time: a fresh consumer group still joining) is asked again for up to 90 s, as a client would: the
 * first request is then found applied (409) or this one waits its own turn.
 */
export async function signUp(baseUrl: string, handle: string, password = TEST_PASSWORD): Promise<TestUser> {
  const deadline = Date.now() + 90_000; // a 3-broker cluster's accounts group may take a while to join
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle, password }),
    });
    if (res.status === 201 || res.status === 409) return signIn(baseUrl, handle, password);
    const text = await res.text();
    // Only the applier's late verdict is asked again; any other answer (Kafka or Redis down) fails the test.
    if (res.status !== 503 || !text.includes('not confirmed in time') || Date.now() > deadline)
      throw new Error(`sign-up of ${handle} answered ${res.status}: ${text}`);
    console.warn(`sign-up of ${handle}: not confirmed in time (attempt ${attempt}), asking again`);
  }
}

/** Signs up several handles at once: `const { ann, bob } = await signUpAll(url, ['ann', 'bob'])`. */
export async function signUpAll<H extends string>(baseUrl: string, handles: readonly H[]): Promise<Record<H, TestUser>> {
  const users = await Promise.all(handles.map((h) => signUp(baseUrl, h)));
  return Object.fromEntries(users.map((u, i) => [handles[i], u])) as Record<H, TestUser>;
}
