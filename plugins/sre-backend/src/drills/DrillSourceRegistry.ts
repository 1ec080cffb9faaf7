import type {
  DrillSource,
  SreDrillSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The drill sources that modules registered, by id. */
export class DrillSourceRegistry implements SreDrillSourcesExtensionPoint {
  readonly #sources = new Map<string, DrillSource>();

  addDrillSource(...sources: DrillSource[]): void {
    for (const source of sources) {
      if (this.#sources.has(source.id)) {
        throw new Error(
          `A drill source with id '${source.id}' is already registered`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  list(): DrillSource[] {
    return [...this.#sources.values()];
  }
}
