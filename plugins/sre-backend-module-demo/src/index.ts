/**
 * Baton's demo sources for the demo catalog.
 *
 * @packageDocumentation
 */

export { sreModuleDemo as default } from './module';
export {
  DemoKnowledgeSource,
  demoHistory,
} from './readiness/DemoKnowledgeSource';
export { DemoAccessSource } from './access/DemoAccessSource';
