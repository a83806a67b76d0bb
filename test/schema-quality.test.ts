import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

/** Federation and introspection plumbing that is not ours to describe. */
const FOREIGN = /^(__|_Any$|_Entity$|_Service$|link__|federation__|_entities$|_service$)/;

function undocumented(s: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => !d || d.trim() === '';
  for (const type of Object.values(s.getTypeMap())) {
    if (FOREIGN.test(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (FOREIGN.test(field.name)) continue;
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema quality', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('never removes or breaks what a released client may use: deprecate instead (baseline: schema.baseline.graphql)', () => {
    const baseline = buildSchema(readFileSync(new URL('../schema.baseline.graphql', import.meta.url), 'utf8'));
    const current = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    expect(findBreakingChanges(baseline, current).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });
});
