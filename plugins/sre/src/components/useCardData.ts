import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** A request a card started while rendering, until the card commits and takes it. */
interface StartedRequest {
  promise: Promise<unknown>;
  startedAt: number;
}

/** An untaken request older than this is not reused: a render React threw away left it. */
const UNTAKEN_REUSE_MS = 5_000;

/** Per API client, so that two clients (or two tests) never share a response. */
const startedByClient = new WeakMap<object, Map<string, StartedRequest>>();

function start<T>(
  client: object,
  key: string,
  load: () => Promise<T>,
): StartedRequest {
  let started = startedByClient.get(client);
  if (!started) {
    started = new Map();
    startedByClient.set(client, started);
  }
  const now = Date.now();
  const existing = started.get(key);
  if (existing && now - existing.startedAt < UNTAKEN_REUSE_MS) return existing;
  let promise: Promise<T>;
  try {
    promise = load();
  } catch (error) {
    // A loader that throws gives an error state, not a crash.
    promise = Promise.reject(error);
  }
  // Taken (and its rejection handled) by the card's effect.
  promise.catch(() => undefined);
  const request = { promise, startedAt: now };
  started.set(key, request);
  return request;
}

function take(client: object, key: string, request: StartedRequest) {
  const started = startedByClient.get(client);
  if (started?.get(key) === request) started.delete(key);
}

/**
 * A card's data, requested while the card renders rather than after it
 * commits. React holds back the first commit of a lazily loaded card while
 * other cards on the page are still loading their code (Suspense reveals are
 * throttled), and react-use's `useAsync` would only start the request then;
 * started at render, the request runs while React waits. A render React
 * throws away and renders again reuses the request it started.
 *
 * `key` names the request for `client` (the API the loader calls): a new
 * key starts a new request.
 */
export function useCardData<T>(
  client: object,
  key: string,
  load: () => Promise<T>,
) {
  // `load` is a new function each render; `key` says what it requests.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const request = useMemo(() => start(client, key, load), [client, key]);
  return useAsync(() => {
    take(client, key, request);
    return request.promise as Promise<T>;
  }, [request]);
}
