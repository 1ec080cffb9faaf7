import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';

const READ_MORE =
  'https://backstage.io/docs/features/software-catalog/well-known-annotations';

const example = (annotation: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: example
  annotations:
    ${annotation}: value
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a`;

/** The annotation's line in the example, 1-based. */
const ANNOTATION_LINE = 6;

/**
 * Which annotation to add, with an example. Core's MissingAnnotationEmptyState
 * writes part of its text in English only, so Baton shows its own.
 */
export function MissingAnnotation({ annotation }: { annotation: string }) {
  const { t } = useSreText();
  return (
    <EmptyState
      missing="field"
      title={t('common.missingAnnotation.title')}
      description={t('common.missingAnnotation.description', { annotation })}
      action={
        <>
          <Typography variant="body1">
            {t('common.missingAnnotation.example')}
          </Typography>
          <Box my={2}>
            <CodeSnippet
              text={example(annotation)}
              language="yaml"
              showLineNumbers
              highlightedNumbers={[ANNOTATION_LINE]}
              customStyle={{ background: 'inherit', fontSize: '115%' }}
            />
          </Box>
          {/* Not core's Link: it adds an English-only "Opens in a new window". */}
          <Button
            color="primary"
            href={READ_MORE}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('common.missingAnnotation.readMore')}
          </Button>
        </>
      }
    />
  );
}
