import type {
  SliMetricSource,
  SliSource,
  SreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

const key = (type: string) => type.toLocaleLowerCase('en-US');

/** The SLI sources that modules registered, by OpenSLO `metricSource.type`. */
export class SliSourceRegistry implements SreSliSourcesExtensionPoint {
  readonly #sources: SliSource[] = [];

  addSliSource(...sources: SliSource[]): void {
    this.#sources.push(...sources);
  }

  /**
   * The source for a metric source, by type (case-insensitive). A source
   * that serves only some queries of its type (it has `handles`) is asked
   * first, so the demo source can sit beside a real one.
   */
  get(metricSource: SliMetricSource): SliSource | undefined {
    const ofType = this.#sources.filter(
      source => key(source.type) === key(metricSource.type),
    );
    return (
      ofType.find(source => source.handles?.(metricSource)) ??
      ofType.find(source => !source.handles)
    );
  }

  types(): string[] {
    return [...new Set(this.#sources.map(source => source.type))];
  }
}
