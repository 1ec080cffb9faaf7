import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { useSreText } from '../language';

/** The query parameter that holds the team, e.g. `?team=group:default/payments`. */
const TEAM_PARAM = 'team';

/** A group ref from the URL, full or short (`payments`, `group:payments`); undefined when it is not a group's. */
function groupRefFrom(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.kind.toLocaleLowerCase('en-US') === 'group'
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A page about one team at a time: a picker of the catalog's groups, and
 * the page's content for the group picked. The team is in the URL
 * (`?team=`), so that a link opens on the same team; without one, the page
 * opens on the signed-in user's team (the first, alphabetically, of the
 * groups they belong to), else on the first group.
 */
export function TeamPickerPage(props: {
  label: string;
  children(groupRef: string): ReactNode;
}) {
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const { t, format } = useSreText();
  const [searchParams, setSearchParams] = useSearchParams();
  const {
    value: teams,
    loading,
    error,
  } = useAsync(async () => {
    const [{ items }, identity] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.profile.displayName',
          'relations',
        ],
      }),
      identityApi.getBackstageIdentity(),
    ]);
    const groups = items
      .map(group => ({
        ref: stringifyEntityRef(group),
        title:
          (group.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ?? group.metadata.name,
        // The catalog's membership: the user's memberOf is the group's hasMember.
        hasMember: (group.relations ?? []).some(
          r =>
            r.type === 'hasMember' &&
            r.targetRef === identity.userEntityRef.toLocaleLowerCase('en-US'),
        ),
      }))
      .sort((a, b) => a.title.localeCompare(b.title, format.language));
    // The groups the sign-in resolved to own as, and those the catalog lists the user in.
    const owned = new Set(
      identity.ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    const own = groups.find(g => owned.has(g.ref) || g.hasMember);
    return { groups, defaultTeam: (own ?? groups[0])?.ref };
  }, [catalogApi, identityApi, format.language]);

  const requested = searchParams.get(TEAM_PARAM);
  const requestedRef = groupRefFrom(requested);
  const found = teams?.groups.some(g => g.ref === requestedRef);
  const team = found ? requestedRef : teams?.defaultTeam;

  // Without a team in the URL, put the default there, so that the address
  // names the team shown and can be shared as it is.
  useEffect(() => {
    if (!requested && team) {
      setSearchParams(
        params => {
          params.set(TEAM_PARAM, team);
          return params;
        },
        { replace: true },
      );
    }
  }, [requested, team, setSearchParams]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !teams) return <Progress />;
  const titleOf = (ref?: string) =>
    teams.groups.find(g => g.ref === ref)?.title ?? ref ?? '';
  return (
    <Content>
      <Box mb={3}>
        <TextField
          select
          label={props.label}
          value={team ?? ''}
          onChange={event =>
            setSearchParams(params => {
              params.set(TEAM_PARAM, event.target.value);
              return params;
            })
          }
          style={{ minWidth: 280 }}
        >
          {teams.groups.map(group => (
            <MenuItem key={group.ref} value={group.ref}>
              {group.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {requested && !found && team && (
        <Box mb={2}>
          <Alert severity="info">
            {t('team.teamNotFound', { team: requested, shown: titleOf(team) })}
          </Alert>
        </Box>
      )}
      {team && props.children(team)}
    </Content>
  );
}
