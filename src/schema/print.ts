/** The schema as SDL, exactly as committed in schema.graphql. */
import { printSchema } from 'graphql';
import { schema } from './index.js';

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
