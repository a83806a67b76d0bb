/**
 * `npm run codegen`: graphql-codegen's client preset over the committed `schema.graphql` for the
 * dashboard operations in `examples/operations/`, into `examples/gql/` (typed documents).
 *
 * Offline and deterministic: it reads only files in the repository. `npm test` runs it before
 * `tsc`, so a schema change that breaks an example document fails CI, either here (the document is
 * no longer valid against the schema) or in `tsc` (the generated types no longer fit the example
 * program).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // With the @defer/@stream directives the served schema has (see the file).
  schema: ['schema.graphql', 'examples/incremental-directives.graphql'],
  documents: ['examples/operations/**/*.graphql'],
  // A missing or empty documents folder is an error, not an empty output.
  ignoreNoDocuments: false,
  // Imports between the generated files end in `.js`, as NodeNext ESM requires (else TS2835).
  // Set at the root level: that is where the client preset takes it from.
  importExtension: '.js',
  generates: {
    'examples/gql/': {
      preset: 'client',
      presetConfig: {
        // Plain fields in result types: this is a Node program, not a component tree.
        fragmentMasking: false,
      },
      config: {
        // `verbatimModuleSyntax`: type-only imports must say so.
        useTypeImports: true,
        // Every custom scalar must be mapped here; a new one fails codegen instead of becoming `any`.
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          Decimal: 'string',
          JSON: 'unknown',
          Upload: { input: 'Blob', output: 'never' },
          _Any: 'unknown',
        },
        enumType: 'string-literal',
      },
    },
  },
};

export default config;
