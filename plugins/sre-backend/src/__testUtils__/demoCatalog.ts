import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

const examples = path.resolve(__dirname, '../../../../examples');

/** The demo catalog (examples/org.yaml and entities.yaml) with the relations the catalog would add. */
export function demoCatalog(): Entity[] {
  const entities = ['org.yaml', 'entities.yaml'].flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8'))
      .map(doc => doc.toJSON() as Entity)
      .filter(Boolean),
  );
  const ref = (target: string, defaultKind: string) =>
    stringifyEntityRef(
      parseEntityRef(target, { defaultKind, defaultNamespace: 'default' }),
    );
  const relations = new Map<string, Entity['relations']>(
    entities.map(e => [stringifyEntityRef(e), []]),
  );
  const relate = (from: string, type: string, to: string) =>
    relations.get(from)?.push({ type, targetRef: to });
  for (const entity of entities) {
    const self = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (typeof spec.owner === 'string') {
      const owner = ref(spec.owner, 'group');
      relate(self, 'ownedBy', owner);
      relate(owner, 'ownerOf', self);
    }
    for (const target of (spec.dependsOn as string[] | undefined) ?? []) {
      relate(self, 'dependsOn', ref(target, 'component'));
    }
    for (const group of (spec.memberOf as string[] | undefined) ?? []) {
      relate(self, 'memberOf', ref(group, 'group'));
      relate(ref(group, 'group'), 'hasMember', self);
    }
    if (typeof spec.parent === 'string') {
      relate(self, 'childOf', ref(spec.parent, 'group'));
      relate(ref(spec.parent, 'group'), 'parentOf', self);
    }
    if (typeof spec.system === 'string') {
      relate(self, 'partOf', ref(spec.system, 'system'));
    }
  }
  return entities.map(entity => ({
    ...entity,
    metadata: { namespace: 'default', ...entity.metadata },
    relations: relations.get(stringifyEntityRef(entity)),
  }));
}

/** The levels the demo tour (and e2e/entity-cards.test.js) shows, which the demo's data must keep. */
export const DEMO_TOUR_LEVELS: Array<[string, string]> = [
  ['component:default/storefront', 'ready'],
  ['component:default/order-batch', 'at-risk'],
  ['component:default/catalog-search', 'single-point-of-failure'],
];
