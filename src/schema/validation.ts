/**
 * Validation failures as one typed error. Every rule has a stable code: zod messages carry it as
 * "[CODE] text" (see `rule`), checks that need the provider add issues directly. An issue names
 * the input path and the rule, and nothing is sent upstream while any issue stands.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';

export interface Issue {
  /** Path in the mutation's arguments, e.g. ["input", "targeting", "bots", "2"]. */
  path: string[];
  /** Stable rule code, e.g. "KKTU_THIRD_LEVEL". */
  rule: string;
  message: string;
}

export class ValidationFailure extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.length === 1 ? `${fieldOf(issues[0]!)}: ${issues[0]!.message}` : `${issues.length} problems with the input: ${issues.map((i) => `${fieldOf(i)}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationFailure';
  }
}

export function fieldOf(issue: Issue): string {
  return issue.path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('') || '(input)';
}

/** A zod message carrying its rule code. */
export function rule(code: string, text: string): { message: string } {
  return { message: `[${code}] ${text}` };
}

const CODED = /^\[([A-Z0-9_]+)\] ([\s\S]*)$/;

type StandardIssue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined };

/** From the validation plugin's Standard Schema issues (zod messages may carry a rule code). */
export function validationFailureFromIssues(issues: ReadonlyArray<StandardIssue>, prefix: string[] = []): ValidationFailure {
  return new ValidationFailure(
    issues.map((issue) => {
      const path = [...prefix, ...(issue.path ?? []).map((p) => String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p))];
      const coded = CODED.exec(issue.message);
      return coded ? { path, rule: coded[1]!, message: coded[2]! } : { path, rule: 'INVALID', message: issue.message };
    }),
  );
}

/** Collects issues from checks that need the provider, then fails once with all of them. */
export class IssueList {
  readonly issues: Issue[] = [];

  add(path: (string | number)[], code: string, message: string): void {
    this.issues.push({ path: path.map(String), rule: code, message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationFailure(this.issues);
  }
}

/**
 * The rule of a global-id argument or input field: names it when the id is malformed or of another
 * type. The builder decodes ids without throwing (see builder.ts), so this sees every id and can
 * say which argument was wrong, where the relay plugin's own refusal could not.
 */
export function globalIdOf(...typenames: string[]) {
  const expected = typenames.join(' or ');
  return z.object({ typename: z.string(), id: z.string() }).refine((decoded) => typenames.includes(decoded.typename), rule('GLOBAL_ID', `must be the global id of ${/^[AEIOU]/.test(expected) ? 'an' : 'a'} ${expected} (as its \`id\` field returns it)`));
}
