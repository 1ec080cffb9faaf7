import type { SloProblem } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import Warning from '@material-ui/icons/Warning';
import { useId } from 'react';
import { hasMessage, translateCoded } from '../codedMessage';
import { useSreText } from '../language';
import { SreTranslate } from '../translation';
import { SLO_COLORS } from './sloFormat';
import { WrappingListItemText } from '../components/WrappingListItemText';

/** Codes whose sentence already names the value. */
const VALUE_IN_SENTENCE: ReadonlySet<SloProblem['code']> = new Set([
  'unknown-reference',
  'duplicate',
]);

/** The problem in the user's language, from its code and parameters; the backend's English when the code is unknown here. */
export function problemText(t: SreTranslate, problem: SloProblem): string {
  const { code, params } = problem;
  const field = problem.field || t('slo.problems.wholeFile');
  const key = `slo.problems.codes.${code}`;
  if (!hasMessage(key)) return problem.message;
  const sentence = translateCoded(
    t,
    key,
    { ...params, field },
    problem.message,
  );
  const given = (name: string) =>
    params[name] !== undefined && params[name] !== '';
  const details = [
    given('value') && !VALUE_IN_SENTENCE.has(code)
      ? t('slo.problems.found', { value: String(params.value) })
      : undefined,
    given('expected')
      ? t('slo.problems.expected', { expected: String(params.expected) })
      : undefined,
  ];
  return [sentence, ...details].filter(Boolean).join(' ');
}

/** The OpenSLO files and fields the backend could not use, and why. */
export function SloProblems({ problems }: { problems: SloProblem[] }) {
  const { t } = useSreText();
  const titleId = useId();
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" id={titleId}>
        {t('slo.problems.title')}
      </Typography>
      <List dense aria-labelledby={titleId}>
        {problems.map(problem => (
          <ListItem
            key={`${problem.file}/${problem.slo ?? ''}/${problem.field}/${
              problem.code
            }`}
            alignItems="flex-start"
          >
            <ListItemIcon>
              <Warning style={{ color: SLO_COLORS.warning }} />
            </ListItemIcon>
            <WrappingListItemText
              primary={problemText(t, problem)}
              secondary={[
                problem.file,
                problem.field || t('slo.problems.wholeFile'),
                problem.slo && t('slo.problems.slo', { name: problem.slo }),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
