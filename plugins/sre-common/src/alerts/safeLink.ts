/** Longest link Baton keeps from a source (the stored runbook column's width). @public */
export const MAX_LINK_LENGTH = 2048;

/**
 * Whether a value is an absolute `http:` or `https:` URL: the only links from
 * an alert source that Baton stores or renders as a link. Anything else
 * (`javascript:`, `data:`, relative, control characters, longer than
 * {@link MAX_LINK_LENGTH}) is not, so a source cannot plant a script behind a
 * runbook link.
 * @public
 */
export function isHttpUrl(value: unknown): value is string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_LINK_LENGTH ||
    // Browsers drop tabs and newlines inside a URL and spaces around it; a link with them is not taken as given.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f]/.test(value)
  ) {
    return false;
  }
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}
