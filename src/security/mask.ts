/**
 * Secret masking. Every configured password and key, and every token adgraph currently holds, is
 * registered here; any text leaving adgraph (responses, log lines) passes through `maskSecrets`,
 * so a provider that echoes a secret in its error text cannot hand it to a client. No graphql
 * here: the provider layer registers secrets.
 */
export const MASK = '[secret]';

/** Secrets shorter than this are not masked: they would mangle ordinary words (and are not secrets worth the name). */
const MIN_LENGTH = 6;
/** Tokens kept per holder: the current one and those just replaced (a provider may still echo them). */
const TOKENS_KEPT = 3;

const fixed = new Set<string>();
const tokens = new Map<string, string[]>();
let pattern: RegExp | null = null;
let dirty = false;

function changed(): void {
  dirty = true;
}

/** A configured secret (password, API key), masked for the life of the process. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_LENGTH || fixed.has(value)) return;
  fixed.add(value);
  changed();
}

/** A token held for `holder` (e.g. one login's access token); the oldest beyond a few are forgotten. */
export function registerToken(holder: string, value: string | undefined): void {
  if (!value || value.length < MIN_LENGTH) return;
  const list = tokens.get(holder) ?? [];
  if (list.includes(value)) return;
  list.push(value);
  if (list.length > TOKENS_KEPT) list.shift();
  tokens.set(holder, list);
  changed();
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function current(): RegExp | null {
  if (dirty) {
    const all = [...fixed, ...[...tokens.values()].flat()].sort((a, b) => b.length - a.length);
    // Also the forms a secret takes when echoed inside a URL or a JSON string.
    const forms = new Set(all.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]));
    pattern = forms.size ? new RegExp([...forms].map(escape).join('|'), 'g') : null;
    dirty = false;
  }
  return pattern;
}

export function containsSecret(text: string): boolean {
  const re = current();
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

export function maskSecrets(text: string): string {
  // Nearly every text has no secret: a search costs a third of a replace that finds nothing.
  if (!containsSecret(text)) return text;
  const re = current()!;
  re.lastIndex = 0;
  return text.replace(re, MASK);
}

/** `https://user:password@host/…` → `https://***@host/…` (configuration errors print URLs). */
export function maskUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@"']*@/gi, '$1***@');
}

/** A copy of a JSON-like value with every string masked (objects rebuilt only where needed). */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  // Execution results are null-prototype objects; class instances (dates, errors) are left alone.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === null || proto === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v)])) as T;
  }
  return value;
}
