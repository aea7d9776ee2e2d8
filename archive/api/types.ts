/**
 * The one contract between the engine and every front end (IPC, HTTP, direct calls).
 * Every method takes one JSON object and returns JSON. No Node or DOM types here.
 */

export * from './release.js';
export * from './search.js';
export * from './timeline.js';
export * from './briefing.js';
