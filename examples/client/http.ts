// A small API client for the demo: each function holds a mistake the plugin catches.
import ky from 'ky';

const BASE_URL = 'https://api.example.com';

export interface User {
  id: string;
  name: string;
}

/** Generic helper: callers pass any method, DELETE included, so the body may be empty (204). */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function deleteUser(id: string): Promise<{ deleted: boolean }> {
  return fetch(`${BASE_URL}/users/${id}`, { method: 'DELETE' }).then((res) => res.json());
}

/** A typo in a status: `case 4040` never matches, so a missing user throws instead of returning null. */
export async function findUser(id: string): Promise<User | null> {
  const res = await fetch(`${BASE_URL}/users/${id}`);
  switch (res.status) {
    case 200:
      return (await res.json()) as User;
    case 4040:
      return null;
    default:
      throw new Error(`HTTP ${res.status}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries every failure, 4xx included, on its own schedule. */
export async function getUserWithRetry(id: string): Promise<User> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`${BASE_URL}/users/${id}`);
    if (res.ok) return (await res.json()) as User;
    if (res.status >= 400) {
      await sleep(1000 * 2 ** attempt);
      continue;
    }
    throw new Error(`HTTP ${res.status}`);
  }
  throw new Error('gave up');
}

/** ky retries the listed statuses; 400 and 401 can never succeed, and `afterStatusCodes: []` ignores Retry-After. */
export const api = ky.create({
  prefixUrl: BASE_URL,
  retry: { limit: 3, statusCodes: [400, 401, 408, 429, 500, 502, 503, 504], afterStatusCodes: [] },
});

/** Waits for Retry-After, but an HTTP-date (`Wed, 02 Dec 2026 07:28:00 GMT`) makes the wait NaN: no wait at all. */
export async function getReport(id: string): Promise<Response> {
  for (;;) {
    const res = await fetch(`${BASE_URL}/reports/${id}`);
    if (res.status === 503) {
      const seconds = parseInt(res.headers.get('retry-after') ?? '5', 10);
      await sleep(seconds * 1000);
      continue;
    }
    return res;
  }
}
