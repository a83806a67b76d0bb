/**
 * The JSON text of an execution result's `data`, made and scanned for secrets once per result.
 *
 * A cacheable answer is serialised by two consumers: the response cache keeps its bytes
 * (response-cache.ts) and the masking step writes the response (mask-plugin.ts). Serialising a
 * 500-row page is most of a millisecond and the scan a quarter of one, so both take the text from
 * here: the cache asks first (when execution ends), the response writer finds it made. Keyed by
 * the `data` object itself, which Yoga hands to `stringify` unchanged (its sanitising copies the
 * result, not `data`); a WeakMap, so the text goes with the result.
 */
import { containsSecret } from './mask.js';

export interface DataText {
  /** `JSON.stringify(data)`. */
  text: string;
  /** Whether the text holds a registered secret (the answer must then be masked, and not kept). */
  secret: boolean;
}

const texts = new WeakMap<object, DataText>();

export function dataText(data: object): DataText {
  let made = texts.get(data);
  if (!made) {
    const text = JSON.stringify(data);
    made = { text, secret: containsSecret(text) };
    texts.set(data, made);
  }
  return made;
}

/**
 * `JSON.stringify(result)` for a plain result object, with `data` taken from `dataText`; null when
 * a part holds a secret. Keys in the result's own order, undefined and function values left out, as
 * `JSON.stringify` does (a result carries its `stringify` function beside its fields).
 */
export function resultText(result: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (value === undefined || typeof value === 'function') continue;
    let text: string;
    if (key === 'data' && value !== null && typeof value === 'object') {
      const made = dataText(value);
      if (made.secret) return null;
      text = made.text;
    } else {
      text = JSON.stringify(value);
      if (containsSecret(text)) return null;
    }
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
