export * from './start-local-engine.ts';
export { startTestSearchEngine, type TestSearchEngine } from './test-search-engine.ts';
export type { LocalEngineKind } from './local-engine-launch.ts';
export { measureLocalEngine, type LocalEngineMeasure } from './measure-local-engines.ts';
