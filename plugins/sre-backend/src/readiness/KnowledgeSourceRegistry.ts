import type {
  KnowledgeSource,
  SreKnowledgeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The repository-history readers that modules registered; the first that supports a location reads it. */
export class KnowledgeSourceRegistry
  implements SreKnowledgeSourcesExtensionPoint
{
  readonly #sources: KnowledgeSource[] = [];

  addKnowledgeSource(...sources: KnowledgeSource[]): void {
    this.#sources.push(...sources);
  }

  forLocation(location: string): KnowledgeSource | undefined {
    return this.#sources.find(source => source.supports(location));
  }
}
