import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogIndex, CatalogSnapshot } from './CatalogSnapshot';
import {
  ANNOTATION_ALERT_SELECTOR,
  ANNOTATION_RUNBOOK,
} from '@baton/plugin-sre-common';

/** `key=value[,key=value]` as pairs; pairs without `=` are ignored. */
export function parseAlertSelector(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map(part => part.trim())
    .filter(part => part.includes('='))
    .map(part => {
      const index = part.indexOf('=');
      return [part.slice(0, index).trim(), part.slice(index + 1).trim()];
    });
}

/** Which entities an alert's labels (or a cost row's tags) belong to, from one catalog snapshot. */
export class SelectorEntityMap {
  readonly #byName = new Map<string, string[]>();
  readonly #selectors: Array<{ ref: string; pairs: Array<[string, string]> }> =
    [];
  readonly #withRunbook = new Set<string>();
  readonly #withSelector = new Set<string>();

  /** `selectorAnnotation` replaces the default rule on an entity (cost allocation uses its own). */
  constructor(
    entities: Entity[],
    selectorAnnotation: string = ANNOTATION_ALERT_SELECTOR,
  ) {
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      if (
        entity.metadata.annotations?.[ANNOTATION_RUNBOOK] ||
        entity.metadata.links?.some(link => link.type === 'runbook')
      ) {
        this.#withRunbook.add(ref);
      }
      const selector =
        entity.metadata.annotations?.[selectorAnnotation]?.trim();
      if (selector) {
        // The selector replaces the default `service=<name>` rule.
        this.#withSelector.add(ref);
        this.#selectors.push({ ref, pairs: parseAlertSelector(selector) });
      } else {
        const name = entity.metadata.name.toLocaleLowerCase('en-US');
        this.#byName.set(name, [...(this.#byName.get(name) ?? []), ref]);
      }
    }
  }

  /** Whether the entity links a runbook (then none of its alerts lacks one). */
  hasRunbook(entityRef: string): boolean {
    return this.#withRunbook.has(entityRef);
  }

  /** Whether the entity sets its own selector, i.e. says which alerts are its. */
  hasSelector(entityRef: string): boolean {
    return this.#withSelector.has(entityRef);
  }

  entityRefsFor(labels: Record<string, string>): string[] {
    const refs = new Set<string>();
    const service = labels.service?.toLocaleLowerCase('en-US');
    for (const ref of service ? this.#byName.get(service) ?? [] : []) {
      refs.add(ref);
    }
    for (const { ref, pairs } of this.#selectors) {
      if (
        pairs.length &&
        pairs.every(([key, value]) => labels[key] === value)
      ) {
        refs.add(ref);
      }
    }
    return [...refs].sort();
  }
}

/**
 * Maps alerts (or cost rows) to entities with the process's catalog
 * snapshot: the map is built once per snapshot, so webhooks do not wait for
 * the catalog and a new snapshot (at most once a minute by default) is
 * mapped anew.
 */
export class SelectorEntityMapper {
  /** The catalog snapshot the map is built from; shared when the plugin passes one. */
  readonly snapshot: CatalogSnapshot;
  #builtFrom?: CatalogIndex;
  #map?: SelectorEntityMap;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      /** The process's shared snapshot; without it the mapper keeps its own. */
      snapshot?: CatalogSnapshot;
      /** The own snapshot's maximum age; 60 s by default. */
      maxAgeMs?: number;
      /** The annotation whose `key=value,…` replaces `service=<name>`; the alert selector by default. */
      selectorAnnotation?: string;
    },
  ) {
    this.snapshot =
      options.snapshot ??
      new CatalogSnapshot({
        catalog: options.catalog,
        auth: options.auth,
        maxAgeMs: options.maxAgeMs ?? 60_000,
      });
  }

  async current(): Promise<SelectorEntityMap> {
    return this.#mapOf(await this.snapshot.current());
  }

  /**
   * For storing and showing alerts: the current map, or — while the catalog
   * does not answer — the last one loaded, or an empty one before any. An
   * alert is then stored (unmapped at worst, and `remapRecent` maps it once
   * the catalog answers) instead of its delivery being refused until the
   * catalog is back. Not for remapping, which would unmap what it cannot see.
   */
  async currentOrLast(
    onCatalogError: (error: unknown) => void,
  ): Promise<SelectorEntityMap> {
    return this.#mapOf(await this.snapshot.currentOrLast(onCatalogError));
  }

  #mapOf(index: CatalogIndex): SelectorEntityMap {
    if (this.#builtFrom !== index || !this.#map) {
      this.#map = new SelectorEntityMap(
        index.services(),
        this.options.selectorAnnotation,
      );
      this.#builtFrom = index;
    }
    return this.#map;
  }
}
