import { SreTranslate, sreDefaultMessages } from './translation';

/** Parameters of a message the backend sends as a code. */
export type MessageParams = Record<string, string | number>;

/** A message the backend sends as a stable code with its parameters. */
export interface CodedMessage {
  code: string;
  params: MessageParams;
}

// Plural forms (`key_one`, `key_other`) are one message to the caller.
const KEYS = new Set(
  Object.keys(sreDefaultMessages).map(key =>
    key.replace(/_(zero|one|two|few|many|other)$/, ''),
  ),
);

/** Whether this version of the plugin has a message under `key`. */
export function hasMessage(key: string): boolean {
  return KEYS.has(key);
}

/**
 * Translates a message whose key is only known at runtime, such as a reason
 * code from the backend; when this version of the UI has no message for it,
 * the backend's English text is shown instead. A numeric `count` parameter
 * picks the plural form.
 */
export function translateCoded(
  t: SreTranslate,
  key: string,
  params: MessageParams,
  fallback: string,
): string {
  if (!hasMessage(key)) return fallback;
  // The key is checked above at runtime instead of by the compiler.
  const translate = t as unknown as (
    key: string,
    params: MessageParams,
  ) => string;
  return translate(key, params);
}
