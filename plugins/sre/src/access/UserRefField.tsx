import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete, {
  createFilterOptions,
} from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { useSreText } from '../language';

interface UserOption {
  ref: string;
  title: string;
}

const filterOptions = createFilterOptions<UserOption>({
  stringify: option => `${option.title} ${option.ref}`,
});

/**
 * A catalog user, picked from the catalog's users or typed as a ref
 * (`user:default/aiko`); without the catalog, typing still works.
 */
export function UserRefField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: boolean;
  helperText?: string;
  disabled?: boolean;
}) {
  const catalogApi = useApi(catalogApiRef);
  const { t, format } = useSreText();
  const { value: users, loading } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'User' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(user => ({
        ref: stringifyEntityRef(user),
        title:
          (user.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ?? user.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, format.language));
  }, [catalogApi, format.language]);
  return (
    <Autocomplete<UserOption, false, false, true>
      id={props.id}
      freeSolo
      options={users ?? []}
      filterOptions={filterOptions}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.ref
      }
      renderOption={option => `${option.title} (${option.ref})`}
      inputValue={props.value}
      onInputChange={(_event, value) => props.onChange(value)}
      disabled={props.disabled}
      loading={loading}
      openText={t('access.decide.picker.open')}
      closeText={t('access.decide.picker.close')}
      clearText={t('access.decide.picker.clear')}
      noOptionsText={t('access.decide.picker.noOptions')}
      loadingText={t('access.decide.picker.loading')}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          required
          margin="dense"
          error={props.error}
          helperText={props.helperText}
        />
      )}
    />
  );
}
