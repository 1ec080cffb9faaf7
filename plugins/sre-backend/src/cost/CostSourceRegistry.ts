import type {
  CostSource,
  SreCostSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The cost sources that modules registered, by id. */
export class CostSourceRegistry implements SreCostSourcesExtensionPoint {
  readonly #sources = new Map<string, CostSource>();

  addCostSource(...sources: CostSource[]): void {
    for (const source of sources) {
      if (this.#sources.has(source.id)) {
        throw new Error(
          `A cost source with id '${source.id}' is already registered`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  list(): CostSource[] {
    return [...this.#sources.values()];
  }
}
