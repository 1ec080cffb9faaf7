import type { ChangePerson } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { Fragment } from 'react';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';
import { identityText } from './changeText';

/**
 * A person of a change: a catalog User by their name (the ref on hover);
 * one the catalog does not know as the source named them, flagged.
 */
export function ChangePersonName(props: {
  userRef: string | null;
  /** How the source named them, e.g. `farid-k`. */
  name: string;
  /** The same with its kind, e.g. `github-login: farid-k`. */
  identity: string;
}) {
  const { userRef, name, identity } = props;
  const { t } = useSreText();
  const personName = usePersonName();
  if (userRef) {
    return (
      <Tooltip title={userRef}>
        <span>{personName(userRef)}</span>
      </Tooltip>
    );
  }
  return (
    <span>
      {name}{' '}
      <Tooltip title={t('changes.list.unmatchedHelp', { identity })}>
        <Chip
          size="small"
          variant="outlined"
          label={t('changes.list.unmatched')}
        />
      </Tooltip>
    </span>
  );
}

/** People in a line, separated as the language lists them; `nobody` without any. */
export function ChangePeopleList({ people }: { people: ChangePerson[] }) {
  const { t } = useSreText();
  if (!people.length) return <>{t('changes.list.nobody')}</>;
  return (
    <Box component="span">
      {people.map((person, index) => (
        <Fragment key={`${person.kind}:${person.value}`}>
          {index > 0 && ', '}
          <ChangePersonName
            userRef={person.userRef}
            name={person.value}
            identity={identityText(person)}
          />
        </Fragment>
      ))}
    </Box>
  );
}
