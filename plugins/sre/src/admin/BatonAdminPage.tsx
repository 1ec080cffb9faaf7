import { Content } from '@backstage/core-components';
import { SourcesPanel } from './SourcesPanel';

/** Baton's admin page: for now, the status of its sources. @public */
export function BatonAdminPage() {
  return (
    <Content>
      <SourcesPanel />
    </Content>
  );
}
