/**
 * Why a `fetch` to a source's API got no answer, for an error an operator
 * reads: `no answer within 30s` for a timeout (AbortSignal.timeout), else
 * the reason Node's fetch keeps in `cause` (ECONNREFUSED, ENOTFOUND, …)
 * behind its bare "fetch failed".
 * @public
 */
export function fetchFailureReason(error: unknown, timeoutMs: number): string {
  // A DOMException, not always an `Error` of this realm.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000}s`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })
    ?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
