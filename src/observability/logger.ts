/**
 * Structured logs with pino: one JSON object per line on stdout (pretty, coloured lines when stdout
 * is a terminal), every line of a request carrying its `requestId`. Secrets are redacted by
 * construction: any field whose name looks like a secret (at any depth) is replaced before the line
 * is written, so a careless field can never print a password, token or key.
 */
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { currentRequest } from './request-scope.js';
import { maskSecrets } from '../security/mask.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFields = Record<string, unknown>;

const SECRET_KEY = /pass|secret|token|api[-_]?key|authorization|cookie/i;
const REDACTED = '[redacted]';

/**
 * Whether a field name looks like a secret's, remembered per name: lines repeat the same few names
 * (an access line has 13), and the test was a seventh of a line's cost. Bounded, so names made from
 * data cannot grow it without end (past the bound they are tested each time).
 */
const secretKeyVerdicts = new Map<string, boolean>();
function isSecretKey(key: string): boolean {
  let verdict = secretKeyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = SECRET_KEY.test(key);
    if (secretKeyVerdicts.size < 4096) secretKeyVerdicts.set(key, verdict);
  }
  return verdict;
}

/**
 * The value with secret-looking keys redacted: copied only where something is replaced (a line
 * without such keys, such as every access line, is written from the caller's object as it is);
 * bounded depth so a cyclic or huge value cannot stall a log call.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[depth]';
  if (value instanceof Error) return { type: value.name, message: value.message };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const out = redact(item, depth + 1);
      if (out !== item) (copy ??= [...value])[i] = out;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const proto = Object.getPrototypeOf(value);
  // Other class instances are always copied to their own fields: their toJSON (a URL's, say) is
  // never what is written.
  let copy: Record<string, unknown> | undefined = proto !== Object.prototype && proto !== null ? { ...record } : undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const out = isSecretKey(key) ? REDACTED : redact(item, depth + 1);
    if (out !== item) (copy ??= { ...record })[key] = out;
  }
  return copy ?? value;
}

type Sink = (line: string) => void;

function defaultSink(): Sink {
  if (process.stdout.isTTY) {
    // pino-pretty as a plain in-process stream (not a worker transport): simple, and a terminal is a person.
    const pretty = PinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', sync: true });
    return (line) => pretty.write(line);
  }
  // Lines are gathered up to 64 KiB and written together, or at the latest a quarter of a second
  // later: a write per line was a syscall per request, a twentieth of a cache hit's CPU
  // (bench/overhead.ts). Flushed on exit, so a stopping process loses nothing. As bytes, not
  // text: in text mode sonic-boom appends each line to the pending string and measures its UTF-8
  // length again, so every line copies what is pending (300,000 access lines into a file: 3.3 µs a
  // line as text at 8 KiB, 9.7 at 64 KiB, 1.0 as bytes at 64 KiB).
  const out = pino.destination({ fd: 1, sync: false, contentMode: 'buffer', minLength: 65536, maxWrite: 262144, periodicFlush: 250 });
  process.once('exit', () => out.flushSync());
  // Its type declares strings only; in buffer mode it takes (and needs) bytes.
  return (line) => out.write(Buffer.from(line) as unknown as string);
}

let sink: Sink | undefined;

/**
 * pino's `isoTime`, made once per millisecond: a busy server writes several lines a millisecond,
 * and formatting the date was a tenth of a line's cost (bench/overhead.ts profile).
 */
let stampedAt = Number.NaN;
let stamp = '';
function isoTimestamp(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

const NO_MIXIN: Record<string, never> = Object.freeze({});

const logger: Logger = pino(
  {
    level: 'info',
    base: { service: 'adgraph' },
    timestamp: isoTimestamp,
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => redact(fields) as Record<string, unknown>,
    },
    // A line that names its request itself (the access line) takes nothing from the mixin.
    mixin: (fields: object) => {
      if ((fields as { requestId?: unknown }).requestId !== undefined) return NO_MIXIN;
      const scope = currentRequest();
      return scope ? { requestId: scope.id } : NO_MIXIN;
    },
    // pino's default copies every field into the mixin's object; with nothing to add, no copy.
    mixinMergeStrategy: (fields: object, mixin: object) => (mixin === NO_MIXIN ? fields : Object.assign(mixin, fields)),
  },
  // Every configured secret and held token is masked in the finished line (message and fields alike),
  // whatever a provider echoed into it (security/mask.ts).
  { write: (line: string) => (sink ??= defaultSink())(maskSecrets(line)) },
);

export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

export function logLevelEnabled(level: LogLevel): boolean {
  return logger.isLevelEnabled(level);
}

/** For tests: capture the JSON lines (without their newline). Returns a function restoring the previous sink. */
export function captureLogs(into: string[]): () => void {
  const previous = sink;
  sink = (line) => into.push(line.replace(/\n$/, ''));
  return () => {
    sink = previous;
  };
}

function write(level: LogLevel, message: string, fields?: LogFields): void {
  if (!logger.isLevelEnabled(level)) return;
  if (fields) logger[level](fields, message);
  else logger[level](message);
}

export const log = {
  error: (message: string, fields?: LogFields) => write('error', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
};
