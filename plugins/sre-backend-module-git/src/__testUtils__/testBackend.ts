import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';

/** What mockServices.scheduler() is at runtime (MockSchedulerService), which its declared type hides. */
export interface TriggerableScheduler {
  factory(options: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  triggerTask(id: string): Promise<void>;
  /** Aborts the signal of a running task, as the scheduler does at its timeout. */
  cancelTask(id: string): Promise<void>;
}

/** A mock scheduler whose tasks a test runs itself, so it knows when they finished. */
export function triggerableScheduler(): TriggerableScheduler {
  return mockServices.scheduler() as unknown as TriggerableScheduler;
}

/** A Component whose knowledge comes from `repos` (its baton.dev/repos). */
export const component = (name: string, repos: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/repos': repos },
  },
  spec: {
    type: 'service',
    owner: 'group:default/shop',
    lifecycle: 'production',
  },
});
