import { createHash } from 'crypto';
import type { SelectorEntityMap } from '../catalog/SelectorEntityMapper';

/**
 * A row's tags as one canonical JSON string (keys sorted), so that equal
 * tag sets are stored once. Written by hand: JSON.stringify would put
 * integer-like keys first, whatever the sort.
 */
export function tagSetKey(tags: Record<string, string>): string {
  const keys = Object.keys(tags);
  if (!keys.length) return '{}';
  keys.sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    text += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${JSON.stringify(
      String(tags[keys[i]]),
    )}`;
  }
  return `${text}}`;
}

/** The stored tag set's unique key: tags can be longer than an index allows. */
export const tagSetHash = (key: string) =>
  createHash('sha256').update(key).digest('hex');

/** One stored tag set. */
export interface StoredTagSet {
  id: number;
  tags: Record<string, string>;
  /**
   * Set only on the sets the tag-set migration made for rows stored before
   * it, whose tags were not kept: they stay with this entity until their
   * source's days are imported again.
   */
  entityRef: string | null;
}

/**
 * The stored tag sets resolved to entities with one catalog snapshot: each
 * to the first entity by ref whose rule matches (`service=<name>` or its
 * `baton.dev/cost-tags`), so no spend is counted twice; or to none
 * (unallocated).
 */
export class CostAllocation {
  readonly #entityOf = new Map<number, string>();
  readonly #setsOf = new Map<string, number[]>();

  constructor(map: SelectorEntityMap, sets: Iterable<StoredTagSet>) {
    for (const set of sets) {
      const ref = set.entityRef ?? map.entityRefsFor(set.tags)[0] ?? '';
      this.#entityOf.set(set.id, ref);
      if (!ref) continue;
      const ids = this.#setsOf.get(ref);
      if (ids) ids.push(set.id);
      else this.#setsOf.set(ref, [set.id]);
    }
  }

  /** The entity a tag set's spend belongs to; '' for unallocated (and for a set stored after this snapshot). */
  entityOf(tagSetId: number): string {
    return this.#entityOf.get(tagSetId) ?? '';
  }

  /** The tag sets whose spend belongs to any of the entities. */
  tagSetsOf(entityRefs: string[]): number[] {
    return entityRefs.flatMap(ref => this.#setsOf.get(ref) ?? []);
  }
}
