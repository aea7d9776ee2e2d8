// Runs the reading worker from its TypeScript source (development, tests, the command line);
// the packaged app uses the built ingest-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
