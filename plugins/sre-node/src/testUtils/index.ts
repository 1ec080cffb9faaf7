/**
 * Test utilities for Baton backend modules: extension points that keep what
 * a module registered.
 *
 * @packageDocumentation
 */

export * from './extensionPointMocks';
