// graphql-ws keeps its `ws` adapter behind "exports" ("graphql-ws/use/ws"), which TypeScript's
// classic `node` resolution does not read; Node's require() follows the exports map at run time.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
