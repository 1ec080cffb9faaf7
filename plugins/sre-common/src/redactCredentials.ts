// scheme://userinfo@ — up to the last `@` before the path, so a password with a raw `@` is covered too.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;
// ?private_token=…, &access_token=…, &sig=…: query parameters that carry a secret.
const SECRET_PARAMETER =
  /([?&;][^=&;#\s]*(?:token|secret|password|passwd|pwd|key|sig|signature|auth|credential|code)[^=&;#\s]*=)[^&;#\s'"]+/gi;

/**
 * The text with the credentials of every URL in it replaced by `***`: the
 * userinfo (`https://user:token@host`) and query parameters that carry a
 * token. Applied to every message, log line and stored location that may
 * hold a repository URL.
 * @public
 */
export function redactCredentials(text: string): string {
  return text.replace(USERINFO, '$1***@').replace(SECRET_PARAMETER, '$1***');
}
