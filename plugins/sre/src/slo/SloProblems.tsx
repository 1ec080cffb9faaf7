import type { SloProblem } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Warning from '@material-ui/icons/Warning';
import { useId } from 'react';
import { SLO_COLORS } from './sloFormat';

const TEXT = {
  title: 'Definitions that could not be used',
  wholeFile: 'whole file',
  where: (file: string, field: string, slo?: string) =>
    [file, field, slo && `SLO ${slo}`].filter(Boolean).join(' · '),
};

/** The OpenSLO files and fields the backend could not use, and why. */
export function SloProblems({ problems }: { problems: SloProblem[] }) {
  const titleId = useId();
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" id={titleId}>
        {TEXT.title}
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
            <ListItemText
              primary={problem.message}
              secondary={TEXT.where(
                problem.file,
                problem.field || TEXT.wholeFile,
                problem.slo,
              )}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
