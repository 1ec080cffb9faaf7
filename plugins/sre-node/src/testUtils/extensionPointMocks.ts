import type {
  AccessSource,
  SreAccessSourcesExtensionPoint,
} from '../access/extensions';
import type {
  AlertPoller,
  AlertWebhookReceiver,
  SreAlertPollersExtensionPoint,
  SreAlertReceiversExtensionPoint,
} from '../alerts/extensions';
import type {
  ChangeSource,
  SreChangeSourcesExtensionPoint,
} from '../changes/extensions';
import type {
  CostFileFormat,
  CostSource,
  SreCostSourcesExtensionPoint,
} from '../cost/extensions';
import type {
  KnowledgeSource,
  SreKnowledgeSourcesExtensionPoint,
} from '../readiness/extensions';
import type { SliSource, SreSliSourcesExtensionPoint } from '../slo/extensions';

/** An `add…` method that appends what it is given to `into`. */
function appendTo<T>(into: T[]) {
  return (...items: T[]) => {
    into.push(...items);
  };
}

/**
 * {@link SreSliSourcesExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreSliSourcesExtensionPointMock
  extends SreSliSourcesExtensionPoint {
  /** The SLI sources added, in order. */
  readonly sliSources: SliSource[];
}

/**
 * An SLI sources extension point for a module's test: pass it to
 * `startTestBackend({ extensionPoints: [[sreSliSourcesExtensionPoint, mock]] })`
 * and read `mock.sliSources` after the backend started.
 * @public
 */
export function sreSliSourcesExtensionPointMock(): SreSliSourcesExtensionPointMock {
  const sliSources: SliSource[] = [];
  return { sliSources, addSliSource: appendTo(sliSources) };
}

/**
 * {@link SreAlertReceiversExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreAlertReceiversExtensionPointMock
  extends SreAlertReceiversExtensionPoint {
  /** The webhook receivers added, in order. */
  readonly alertReceivers: AlertWebhookReceiver[];
}

/**
 * An alert receivers extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreAlertReceiversExtensionPointMock(): SreAlertReceiversExtensionPointMock {
  const alertReceivers: AlertWebhookReceiver[] = [];
  return { alertReceivers, addAlertReceiver: appendTo(alertReceivers) };
}

/**
 * {@link SreAlertPollersExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreAlertPollersExtensionPointMock
  extends SreAlertPollersExtensionPoint {
  /** The alert pollers added, in order. */
  readonly alertPollers: AlertPoller[];
}

/**
 * An alert pollers extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreAlertPollersExtensionPointMock(): SreAlertPollersExtensionPointMock {
  const alertPollers: AlertPoller[] = [];
  return { alertPollers, addAlertPoller: appendTo(alertPollers) };
}

/**
 * {@link SreCostSourcesExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreCostSourcesExtensionPointMock
  extends SreCostSourcesExtensionPoint {
  /** The cost sources added, in order. */
  readonly costSources: CostSource[];
  /** The cost file formats added, in order. */
  readonly costFileFormats: CostFileFormat[];
}

/**
 * A cost sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreCostSourcesExtensionPointMock(): SreCostSourcesExtensionPointMock {
  const costSources: CostSource[] = [];
  const costFileFormats: CostFileFormat[] = [];
  return {
    costSources,
    costFileFormats,
    addCostSource: appendTo(costSources),
    addCostFileFormat: appendTo(costFileFormats),
  };
}

/**
 * {@link SreAccessSourcesExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreAccessSourcesExtensionPointMock
  extends SreAccessSourcesExtensionPoint {
  /** The access sources added, in order. */
  readonly accessSources: AccessSource[];
}

/**
 * An access sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreAccessSourcesExtensionPointMock(): SreAccessSourcesExtensionPointMock {
  const accessSources: AccessSource[] = [];
  return { accessSources, addAccessSource: appendTo(accessSources) };
}

/**
 * {@link SreKnowledgeSourcesExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreKnowledgeSourcesExtensionPointMock
  extends SreKnowledgeSourcesExtensionPoint {
  /** The knowledge sources added, in order. */
  readonly knowledgeSources: KnowledgeSource[];
}

/**
 * A knowledge sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreKnowledgeSourcesExtensionPointMock(): SreKnowledgeSourcesExtensionPointMock {
  const knowledgeSources: KnowledgeSource[] = [];
  return { knowledgeSources, addKnowledgeSource: appendTo(knowledgeSources) };
}

/**
 * {@link SreChangeSourcesExtensionPoint} that keeps what a module added.
 * @public
 */
export interface SreChangeSourcesExtensionPointMock
  extends SreChangeSourcesExtensionPoint {
  /** The change sources added, in order. */
  readonly changeSources: ChangeSource[];
}

/**
 * A change sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreChangeSourcesExtensionPointMock(): SreChangeSourcesExtensionPointMock {
  const changeSources: ChangeSource[] = [];
  return { changeSources, addChangeSource: appendTo(changeSources) };
}
