import type {
  LoggerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  redactCredentials,
  SourceCounts,
  SourceKind,
  SourceStatus,
  SourceStatusList,
  SourceTrigger,
} from '@baton/plugin-sre-common';
import { SourceDescriptor, SourceStatusStore } from './SourceStatusStore';

/** Longer messages are cut: a stack or a whole response body says no more to an operator. */
const MAX_ERROR_LENGTH = 2000;

/** The provider of the plugin's own scheduled tasks. */
export const OWN_PROVIDER = 'sre-backend';

/**
 * Reports the runs of one kind of provider (cost sources, alert pollers,
 * webhook sources) by the provider's own id; a service calls it for each
 * provider it runs, so that one failing provider does not hide the others.
 */
export interface SourceRunObserver {
  succeeded(id: string, counts: SourceCounts): Promise<void>;
  failed(id: string, error: unknown): Promise<void>;
}

/** A scheduled task whose run reports what it did: its counts are recorded. */
export type TrackedTaskDefinition = SchedulerServiceTaskScheduleDefinition &
  Omit<SchedulerServiceTaskInvocationDefinition, 'fn'> & {
    kind: SourceKind;
    /** Gets the scheduler's signal, aborted when the run times out or is cancelled. */
    fn: (signal: AbortSignal) => Promise<SourceCounts>;
  };

/** The name an operator recognises a registered provider by: its class. */
export function providerName(provider: object): string {
  const name = provider.constructor?.name;
  return name && name !== 'Object' ? name : 'unknown';
}

/** An error as stored and served: one line's worth, credentials redacted. */
function errorMessage(error: unknown): string {
  const message = redactCredentials(String(error));
  return message.length > MAX_ERROR_LENGTH
    ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`
    : message;
}

/**
 * Records the last success and last error of every source and scheduled
 * pull, and lists them with the configured ones that never ran. Recording
 * never fails a run: a write that fails is logged and the run goes on.
 */
export class SourceStatusService {
  readonly #declared = new Map<string, SourceDescriptor>();

  constructor(
    private readonly options: {
      store: SourceStatusStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Configured sources: listed (as never run) before their first run. */
  declare(...sources: SourceDescriptor[]): void {
    for (const source of sources) this.#declared.set(source.id, source);
  }

  async succeeded(source: SourceDescriptor, counts: SourceCounts) {
    try {
      await this.options.store.recordSuccess(source, counts, this.#now());
    } catch (error) {
      this.options.logger.warn(
        `Recording the success of ${source.id} failed: ${error}`,
      );
    }
  }

  async failed(source: SourceDescriptor, error: unknown) {
    try {
      await this.options.store.recordFailure(
        source,
        errorMessage(error),
        this.#now(),
      );
    } catch (recordError) {
      this.options.logger.warn(
        `Recording the failure of ${source.id} failed: ${recordError}`,
      );
    }
  }

  /** Runs `run`, records its counts or its error, and passes the error on. */
  async track(
    source: SourceDescriptor,
    run: () => Promise<SourceCounts>,
  ): Promise<SourceCounts> {
    let counts: SourceCounts;
    try {
      counts = await run();
    } catch (error) {
      await this.failed(source, error);
      throw error;
    }
    await this.succeeded(source, counts);
    return counts;
  }

  /**
   * The scheduler's task definition for a task that reports its counts:
   * declared as `task:<id>`, each run recorded. A failure still reaches the
   * scheduler, which logs it as before.
   */
  scheduledTask({
    kind,
    fn,
    ...task
  }: TrackedTaskDefinition): SchedulerServiceTaskScheduleDefinition &
    SchedulerServiceTaskInvocationDefinition {
    const source: SourceDescriptor = {
      id: `task:${task.id}`,
      kind,
      trigger: 'schedule',
      provider: OWN_PROVIDER,
    };
    this.declare(source);
    return {
      ...task,
      fn: async (signal: AbortSignal) => {
        await this.track(source, () => fn(signal));
      },
    };
  }

  /**
   * Declares the providers of one kind (`<prefix>:<their id>`) and returns
   * the observer their service reports each one's run to.
   */
  observer(
    options: { prefix: string; kind: SourceKind; trigger: SourceTrigger },
    providers: Array<{ id: string; provider: string }>,
  ): SourceRunObserver {
    const { prefix, kind, trigger } = options;
    this.declare(
      ...providers.map(({ id, provider }) => ({
        id: `${prefix}:${id}`,
        kind,
        trigger,
        provider,
      })),
    );
    const descriptor = (id: string): SourceDescriptor =>
      this.#declared.get(`${prefix}:${id}`) ?? {
        id: `${prefix}:${id}`,
        kind,
        trigger,
        provider: 'unknown',
      };
    return {
      succeeded: (id, counts) => this.succeeded(descriptor(id), counts),
      failed: (id, error) => this.failed(descriptor(id), error),
    };
  }

  /**
   * The configured sources with what they did last: stored by any replica,
   * or `never` (no times) for one that has not run yet. Sources no longer
   * configured are left out.
   */
  async list(): Promise<SourceStatusList> {
    const stored = new Map(
      (await this.options.store.list()).map(status => [status.id, status]),
    );
    const items = [...this.#declared.values()].map(
      (source): SourceStatus =>
        stored.get(source.id) ?? {
          ...source,
          lastSuccessAt: null,
          lastCounts: null,
          lastError: null,
          lastErrorAt: null,
        },
    );
    items.sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
    );
    return { items };
  }
}
