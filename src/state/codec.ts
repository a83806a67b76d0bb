/**
 * The one serialisation of values that leave the process (Redis): JSON, with `Date`s tagged so they
 * come back as dates (the planner and the read cache store mapped domain objects holding dates).
 * JSON.stringify calls Date#toJSON before a replacer sees the value, so the replacer looks at the
 * holder's own property instead.
 */
const DATE_TAG = '$adgraphDate';

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE_TAG]: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    return v;
  });
}

export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === DATE_TAG) {
        const iso = (v as Record<string, unknown>)[DATE_TAG];
        return typeof iso === 'string' ? new Date(iso) : new Date(Number.NaN);
      }
    }
    return v;
  }) as T;
}
