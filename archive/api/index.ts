export * from './types.js';
export * from './errors.js';
export * from './contract.js';
export * from './client.js';
export * from './bridge.js';
