import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useSreText } from '../language';

/**
 * A page about one team at a time: a picker of the catalog's groups, and
 * the page's content for the group picked. It opens on the group that owns
 * the most: the one a reviewer most likely wants.
 */
export function TeamPickerPage(props: {
  label: string;
  children(groupRef: string): ReactNode;
}) {
  const catalogApi = useApi(catalogApiRef);
  const { format } = useSreText();
  const {
    value: groups,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.profile.displayName',
        'relations',
      ],
    });
    return items
      .map(group => ({
        ref: stringifyEntityRef(group),
        title:
          (group.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ?? group.metadata.name,
        owns: (group.relations ?? []).filter(r => r.type === 'ownerOf').length,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, format.language));
  }, [catalogApi, format.language]);
  const [chosen, setChosen] = useState<string>();

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !groups) return <Progress />;
  const team = chosen ?? [...groups].sort((a, b) => b.owns - a.owns)[0]?.ref;
  return (
    <Content>
      <Box mb={3}>
        <TextField
          select
          label={props.label}
          value={team ?? ''}
          onChange={event => setChosen(event.target.value)}
          style={{ minWidth: 280 }}
        >
          {groups.map(group => (
            <MenuItem key={group.ref} value={group.ref}>
              {group.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {team && props.children(team)}
    </Content>
  );
}
