/**
 * `graphql-query-complexity/cjs` is the package's own CommonJS entry (its exports map has
 * "./cjs"). limits.ts imports it by that name so that, under vitest too, it shares the
 * CommonJS build of graphql with the rest of the server (see vitest.config.ts): the default
 * entry resolves to the ESM build there, whose graphql types fail instanceof checks.
 */
declare module 'graphql-query-complexity/cjs' {
  export * from 'graphql-query-complexity';
}
