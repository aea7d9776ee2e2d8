/** The engine's entry point for the desktop shell. */
export { ArchiveService, type ServiceOptions } from './service.js';
export { dispatch } from './transport/dispatch.js';
export { defaultDataDir, demoFolder } from './paths.js';
export { CONTENT_SECURITY_POLICY } from './transport/http.js';
