// The Temporal CLI: where it comes from, and the dev server it runs.
export { cachedCliPath, resolveTemporalCli } from './resolve-cli';
export type { CliSource, ResolvedCli } from './resolve-cli';
export { startDevServer } from './dev-server';
export type { DevServer, DevServerOptions } from './dev-server';
export { freePort } from './ports';
export { SEARCH_ATTRIBUTES } from './search-attributes';
