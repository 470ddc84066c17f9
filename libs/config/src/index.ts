export * from './parse';
export * from './env';
export * from './setting';
export * from './fragments';
export * from './testing.settings';
export * from './compose.settings';
export * from './docs/settings-sections';
export * from './docs/render-configuration';
