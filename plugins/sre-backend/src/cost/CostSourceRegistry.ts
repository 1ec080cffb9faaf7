import type {
  CostFileFormat,
  CostSource,
  SreCostSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

import { UPLOAD_SOURCE_PREFIX } from './CostService';

/** The cost sources and file formats that modules registered, by id. */
export class CostSourceRegistry implements SreCostSourcesExtensionPoint {
  readonly #sources = new Map<string, CostSource>();
  readonly #formats = new Map<string, CostFileFormat>();

  addCostSource(...sources: CostSource[]): void {
    for (const source of sources) {
      // Uploads own that prefix: no upload can replace a pull source's rows.
      if (source.id.startsWith(UPLOAD_SOURCE_PREFIX)) {
        throw new Error(
          `A cost source id may not start with '${UPLOAD_SOURCE_PREFIX}' (got '${source.id}'); uploads use it`,
        );
      }
      if (this.#sources.has(source.id)) {
        throw new Error(
          `A cost source with id '${source.id}' is already registered`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  addCostFileFormat(...formats: CostFileFormat[]): void {
    for (const format of formats) {
      if (this.#formats.has(format.id)) {
        throw new Error(
          `A cost file format with id '${format.id}' is already registered`,
        );
      }
      this.#formats.set(format.id, format);
    }
  }

  list(): CostSource[] {
    return [...this.#sources.values()];
  }

  format(id: string): CostFileFormat | undefined {
    return this.#formats.get(id);
  }

  formats(): string[] {
    return [...this.#formats.keys()];
  }
}
