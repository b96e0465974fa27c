export { createAppStore, type AppStore } from './createAppStore';
export { StoreProvider, useApp, useAppStoreApi } from './react';
export * from './selectors';
export type * from './types';
export { SPEEDS } from './playbackSlice';
export { fitProbe } from './scenarioSlice';
