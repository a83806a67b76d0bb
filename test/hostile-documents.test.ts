/**
 * Hostile documents are refused before they run: nothing reaches a provider, and the server
 * answers the next request. (bench/abuse.ts measures how fast each refusal comes.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';
import { ATTACKS } from '../bench/attacks.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('hostile documents', () => {
  // The example operations run under the same limits in documented-examples.test.ts.
  for (const attack of ATTACKS) {
    it(`${attack.name} is refused with ${attack.code} and no upstream call`, async () => {
      h.resetCounts();
      h.clearCache();
      const res = await h.gql(attack.query, attack.variables);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors?.[0]).slice(0, 300)).toBe(attack.code);
      expect(h.adstatCount() + h.tonaiCount()).toBe(0);
      const next = await h.gql('{ environment { mode } }');
      expect(next.data).toEqual({ environment: { mode: 'SANDBOX' } });
    });
  }
});
