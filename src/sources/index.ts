export type { CursorUpdate, FetchContext, Source, SourceEvent, SourcePage } from './source.js';
export { SourceStopped } from './source.js';
export { createSources, isUnavailable, UnavailableSource, type SourceOptions } from './create-sources.js';
export { SourceError } from './errors.js';
export { DEFAULT_BASES, type Env } from './settings.js';
