/** Exact money and UTC time helpers shared by the providers' mappings. */
import type { Money } from './model.js';

/**
 * A JSON number as a plain decimal string: JavaScript prints the shortest text that reads back as
 * the same number, i.e. what the provider wrote; exponent notation is expanded.
 */
export function decimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const text = String(value);
  // String(number) writes an exponent as a lower-case "e" (and only then).
  if (!text.includes('e')) return text;
  const [mantissa = '0', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  return negative ? `-${out}` : out;
}

/** `part` per `whole` in percent (0–100), or null when it is undefined (nothing to divide by, or no count). */
export function percentOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || !(whole > 0) ? null : (part / whole) * 100;
}

export function money(amount: number, currency: string): Money {
  return { amount: decimalString(amount), currency };
}

export function moneyOrNull(amount: number | null | undefined, currency: string): Money | null {
  return amount === null || amount === undefined ? null : money(amount, currency);
}

/** A Date from parts known to be UTC, or null when they do not form a real date. */
export function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601 with an offset or Z (any fraction digits); null when it is not one. */
export function parseIsoDateTime(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const base = utcDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  if (!base) return null;
  if (!zone || zone === 'Z') return base;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  // "+00:00" (AdStat's status times) is UTC already: no second Date.
  return offsetMinutes === 0 ? base : new Date(base.getTime() - offsetMinutes * 60_000);
}

/** Epoch milliseconds as a Date; null for values that are not plausible epoch-ms timestamps. */
export function fromEpochMs(value: number): Date | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
