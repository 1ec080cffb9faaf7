import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { ReactNode } from 'react';
import { MissingAnnotation } from './MissingAnnotation';

/** What a Baton card shows before it has data of its own. */
export type BatonCardPlaceholder =
  | { kind: 'loading' }
  | { kind: 'error'; error: Error }
  | { kind: 'not-configured'; annotation: string }
  | { kind: 'no-data'; title: string; description: string };

/**
 * The frame every Baton entity card shares, so that the states a card can be
 * in look and read the same across cards.
 */
export function BatonCard(props: {
  title: string;
  subheader?: string;
  placeholder?: BatonCardPlaceholder;
  children?: ReactNode;
}) {
  const { title, subheader, placeholder, children } = props;
  let content = children;
  if (placeholder?.kind === 'loading') {
    content = <Progress />;
  } else if (placeholder?.kind === 'error') {
    content = <ResponseErrorPanel error={placeholder.error} />;
  } else if (placeholder?.kind === 'not-configured') {
    content = <MissingAnnotation annotation={placeholder.annotation} />;
  } else if (placeholder?.kind === 'no-data') {
    content = (
      <EmptyState
        missing="data"
        title={placeholder.title}
        description={placeholder.description}
      />
    );
  }
  return (
    <InfoCard title={title} subheader={subheader}>
      {content}
    </InfoCard>
  );
}
