/**
 * Error answers in AdStat's (FastAPI's) shapes: `{"detail": "..."}` for most errors and
 * `{"detail": [{loc, msg, type}, ...]}` for request validation (422), listing every problem found.
 * Messages follow pydantic v2's wording so a client sees what the real service would send.
 */
import type { SimRequest, SimResponse } from '../http.js';
import { BodyTooLargeError } from '../http.js';

export interface Issue {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

export function detail(status: number, message: string): SimResponse {
  return { status, body: { detail: message } };
}

export function validationError(issues: Issue[]): SimResponse {
  return { status: 422, body: { detail: issues } };
}

export const notFound = (what: string): SimResponse => detail(404, `${what} not found`);

/** Query parameters, typed and bounded, collecting every problem. */
export class QueryReader {
  readonly issues: Issue[] = [];
  constructor(private readonly query: URLSearchParams) {}

  private issue(name: string, msg: string, type: string): undefined {
    this.issues.push({ loc: ['query', name], msg, type });
    return undefined;
  }

  string(name: string): string | undefined {
    const v = this.query.get(name);
    return v === null ? undefined : v;
  }

  requiredString(name: string): string | undefined {
    const v = this.query.get(name);
    if (v === null) return this.issue(name, 'Field required', 'missing');
    return v;
  }

  /**
   * Every value of a repeated parameter (`bots=bot_1&bots=bot_2`, the page's only list example);
   * empty values dropped (the page's `advertisement_titles=&campaign_names=` means "no filter").
   * A comma is part of a value, never a separator: campaign names and titles may contain commas.
   */
  list(name: string): string[] {
    return this.query
      .getAll(name)
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  int(name: string, opts: { default: number; min?: number; max?: number }): number {
    const raw = this.query.get(name);
    if (raw === null || raw === '') return opts.default;
    if (!/^[+-]?\d+$/.test(raw.trim())) {
      this.issue(name, 'Input should be a valid integer, unable to parse string as an integer', 'int_parsing');
      return opts.default;
    }
    const n = Number(raw);
    if (opts.min !== undefined && n < opts.min) {
      this.issue(name, `Input should be greater than or equal to ${opts.min}`, 'greater_than_equal');
    } else if (opts.max !== undefined && n > opts.max) {
      this.issue(name, `Input should be less than or equal to ${opts.max}`, 'less_than_equal');
    }
    return n;
  }

  bool(name: string): boolean | undefined {
    const raw = this.query.get(name);
    if (raw === null || raw === '') return undefined;
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
    return this.issue(name, 'Input should be a valid boolean, unable to interpret input', 'bool_parsing');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.query.get(name);
    if (raw === null || raw === '') return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    return this.issue(name, `Input should be ${enumList(allowed)}`, 'enum');
  }
}

export function enumList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON request body as FastAPI reads it: parsed when the content type is JSON (or absent);
 * any other content type, an empty body, invalid JSON or a non-object is a 422.
 */
export async function readJsonObject(req: SimRequest): Promise<{ body: JsonObject } | { error: SimResponse }> {
  let text: string;
  try {
    text = await req.text(1024 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { error: detail(413, 'Request body is too large') };
    throw error;
  }
  if (text.trim() === '') return { error: validationError([{ loc: ['body'], msg: 'Field required', type: 'missing' }]) };
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isJson = contentType === '' || contentType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(contentType);
  if (!isJson) {
    return {
      error: validationError([
        { loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' },
      ]),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: validationError([{ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' }]) };
  }
  if (!isObject(value)) {
    return {
      error: validationError([
        { loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' },
      ]),
    };
  }
  return { body: value };
}

/**
 * Typed reads of JSON body fields with pydantic-like type errors, plus `fail` for the rules.
 * Numbers must be JSON numbers and strings JSON strings (no lax coercion: a client sending "2" for
 * a number is a client bug worth seeing).
 */
export class BodyReader {
  readonly issues: Issue[] = [];
  constructor(readonly body: JsonObject) {}

  has(field: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.body, field);
  }

  fail(field: string | Array<string | number>, msg: string, type = 'value_error'): undefined {
    this.issues.push({ loc: ['body', ...(Array.isArray(field) ? field : [field])], msg, type });
    return undefined;
  }

  private missing(field: string): undefined {
    return this.fail(field, 'Field required', 'missing');
  }

  /** undefined = absent (or invalid, with an issue recorded); null only when nullable. */
  string(field: string, opts: { required?: boolean; nullable?: boolean } = {}): string | null | undefined {
    if (!this.has(field)) return opts.required ? this.missing(field) : undefined;
    const v = this.body[field];
    if (v === null) return opts.nullable ? null : this.fail(field, 'Input should be a valid string', 'string_type');
    if (typeof v !== 'string') return this.fail(field, 'Input should be a valid string', 'string_type');
    return v;
  }

  number(field: string, opts: { required?: boolean; nullable?: boolean; integer?: boolean } = {}): number | null | undefined {
    if (!this.has(field)) return opts.required ? this.missing(field) : undefined;
    const v = this.body[field];
    if (v === null) {
      if (opts.nullable) return null;
      return this.fail(field, opts.integer ? 'Input should be a valid integer' : 'Input should be a valid number', opts.integer ? 'int_type' : 'float_type');
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(field, opts.integer ? 'Input should be a valid integer' : 'Input should be a valid number', opts.integer ? 'int_type' : 'float_type');
    }
    if (opts.integer && !Number.isInteger(v)) {
      return this.fail(field, 'Input should be a valid integer, got a number with a fractional part', 'int_from_float');
    }
    return v;
  }

  boolean(field: string, opts: { nullable?: boolean } = {}): boolean | null | undefined {
    if (!this.has(field)) return undefined;
    const v = this.body[field];
    if (v === null && opts.nullable) return null;
    if (typeof v !== 'boolean') return this.fail(field, 'Input should be a valid boolean', 'bool_type');
    return v;
  }

  stringArray(field: string, opts: { nullable?: boolean; required?: boolean } = {}): string[] | null | undefined {
    return this.array(field, opts, (item, i) =>
      typeof item === 'string' ? item : this.fail([field, i], 'Input should be a valid string', 'string_type'),
    );
  }

  numberArray(field: string, opts: { nullable?: boolean; integer?: boolean; required?: boolean } = {}): number[] | null | undefined {
    return this.array(field, opts, (item, i) => {
      if (typeof item !== 'number' || !Number.isFinite(item) || (opts.integer && !Number.isInteger(item))) {
        return this.fail([field, i], opts.integer ? 'Input should be a valid integer' : 'Input should be a valid number', opts.integer ? 'int_type' : 'float_type');
      }
      return item;
    });
  }

  array<T>(field: string, opts: { nullable?: boolean; required?: boolean }, item: (value: unknown, index: number) => T | undefined): T[] | null | undefined {
    if (!this.has(field)) return opts.required ? this.missing(field) : undefined;
    const v = this.body[field];
    if (v === null) return opts.nullable ? null : this.fail(field, 'Input should be a valid list', 'list_type');
    if (!Array.isArray(v)) return this.fail(field, 'Input should be a valid list', 'list_type');
    const before = this.issues.length;
    const out = v.map((x, i) => item(x, i));
    if (this.issues.length > before) return undefined;
    return out as T[];
  }
}
