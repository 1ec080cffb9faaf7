import type {
  SliSource,
  SreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The SLI sources that modules registered, by OpenSLO `metricSource.type`. */
export class SliSourceRegistry implements SreSliSourcesExtensionPoint {
  readonly #sources = new Map<string, SliSource>();

  addSliSource(...sources: SliSource[]): void {
    for (const source of sources) {
      this.#sources.set(source.type.toLocaleLowerCase('en-US'), source);
    }
  }

  /** The source for an OpenSLO metric source type, case-insensitive. */
  get(type: string): SliSource | undefined {
    return this.#sources.get(type.toLocaleLowerCase('en-US'));
  }

  types(): string[] {
    return [...this.#sources.values()].map(source => source.type);
  }
}
