/**
 * The Baton backend plugin (`sre`).
 *
 * @packageDocumentation
 */

export { sreBackendPlugin as default } from './plugin';
