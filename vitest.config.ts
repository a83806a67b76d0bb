import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds. Node (and so Pothos, Yoga and `npm start`) loads the CJS
    // one; without this alias Vite would hand our sources the ESM one, and the two copies' classes
    // would not recognize each other ("Cannot use GraphQLScalarType from another module or realm").
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each test file starts its own simulators and server on ephemeral loopback ports.
    pool: 'forks',
  },
});
