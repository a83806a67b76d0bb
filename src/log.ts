/**
 * A small leveled logger writing one line per event to stderr. Values under secret-looking keys are
 * redacted, so a careless field can never print a password, token or key.
 */
import { maskSecrets } from './security/mask.js';

type Level = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const SECRET_KEY = /pass|secret|token|api[-_]?key|authorization|cookie/i;

let threshold: Level = 'info';
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

export function setLogLevel(level: Level): void {
  threshold = level;
}

/** For tests: capture log lines. Returns a function restoring the previous sink. */
export function captureLogs(into: string[]): () => void {
  const previous = sink;
  sink = (line) => into.push(line);
  return () => {
    sink = previous;
  };
}

function format(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] > ORDER[threshold]) return;
  const parts = [new Date().toISOString(), level.toUpperCase(), message];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${SECRET_KEY.test(key) ? '[redacted]' : format(value)}`);
  }
  sink(maskSecrets(parts.join(' ')));
}

export const log = {
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
};
