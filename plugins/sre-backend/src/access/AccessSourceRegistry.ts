import type {
  AccessSource,
  SreAccessSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The access inventories that modules registered, by access-source prefix. */
export class AccessSourceRegistry implements SreAccessSourcesExtensionPoint {
  readonly #sources = new Map<string, AccessSource>();

  addAccessSource(...sources: AccessSource[]): void {
    for (const source of sources) {
      this.#sources.set(source.prefix, source);
    }
  }

  /** The source for a `baton.dev/access-source` value such as `github-org:acme`. */
  forAnnotation(
    value: string,
  ): { source: AccessSource; target: string } | undefined {
    const separator = value.indexOf(':');
    if (separator <= 0) {
      return undefined;
    }
    const source = this.#sources.get(value.slice(0, separator));
    return source && { source, target: value.slice(separator + 1) };
  }
}
