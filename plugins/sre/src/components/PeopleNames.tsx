import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
} from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';

/** Baton's backend plugin, which acts on its own on a schedule. */
const BATON_PLUGIN = 'sre';

/** Kinds whose catalog entities carry a person's or a team's display name. */
const NAMED_KINDS = ['user', 'group'];

const NamesContext = createContext<ReadonlyMap<string, string>>(new Map());

function parsed(ref: string) {
  try {
    return parseEntityRef(ref, { defaultKind: 'user' });
  } catch {
    return undefined;
  }
}

/**
 * A name without the catalog: Baton's backend as "Baton (scheduled)",
 * another service (`plugin:…`, `external:…`) by its id, anything else by
 * the name part of its ref, and what is no ref at all as it is.
 */
export function principalName(t: SreTranslate, ref: string): string {
  const entity = parsed(ref);
  if (!entity) return ref;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'plugin' && entity.name === BATON_PLUGIN) {
    return t('common.people.baton');
  }
  if (kind === 'plugin' || kind === 'external') {
    return t('common.people.service', { name: entity.name });
  }
  return entity.name;
}

/** The full ref of a user or group as the catalog spells it; none for services and non-refs. */
function catalogRef(ref: string): string | undefined {
  const entity = parsed(ref);
  const named =
    entity && NAMED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
  return named ? stringifyEntityRef(entity) : undefined;
}

/**
 * Loads the catalog's names of the people (and teams) a page shows, once,
 * for everything inside: a User or Group by its profile's displayName, else
 * its title. `known` are names the page already has (e.g. a team's members
 * from the backend); they are not looked up again.
 */
export function PeopleNames(props: {
  refs: Iterable<string | null | undefined>;
  known?: Iterable<{ userRef: string; name: string }>;
  children: ReactNode;
}) {
  // Without a catalog (an app that does not install it), refs name people.
  const catalogApi = useApiHolder().get(catalogApiRef);
  const known = useMemo(
    () => new Map([...(props.known ?? [])].map(k => [k.userRef, k.name])),
    [props.known],
  );
  const wanted = [
    ...new Set(
      [...props.refs].flatMap(ref =>
        ref && !known.has(ref) && catalogRef(ref) ? [ref] : [],
      ),
    ),
  ].sort();
  const key = wanted.join('\n');
  const { value: loaded } = useAsync(async () => {
    const refs = key ? key.split('\n') : [];
    if (!refs.length || !catalogApi) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs.map(ref => catalogRef(ref)!),
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    const names = new Map<string, string>();
    items.forEach((entity, index) => {
      const profile = entity?.spec?.profile as
        | { displayName?: string }
        | undefined;
      const name = profile?.displayName ?? entity?.metadata.title;
      if (name) names.set(refs[index], name);
    });
    return names;
  }, [catalogApi, key]);
  const outer = useContext(NamesContext);
  const names = useMemo(
    () => new Map([...outer, ...known, ...(loaded ?? [])]),
    [outer, known, loaded],
  );
  return (
    <NamesContext.Provider value={names}>
      {props.children}
    </NamesContext.Provider>
  );
}

/**
 * How a person or service is named on the page: by the catalog inside
 * {@link PeopleNames}, else by {@link principalName} (also while loading,
 * or when the catalog cannot be read).
 */
export function usePersonName(): (ref: string) => string {
  const names = useContext(NamesContext);
  const { t } = useSreText();
  return useCallback(
    (ref: string) => names.get(ref) ?? principalName(t, ref),
    [names, t],
  );
}
