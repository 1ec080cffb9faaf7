// The main entry's types by the package's name: this entry's API report then refers to them there.
import type {
  AccessSource,
  AlertPoller,
  AlertWebhookReceiver,
  BackupSource,
  ChangeSource,
  ChangeWebhookReceiver,
  CostFileFormat,
  CostSource,
  DrillSource,
  KnowledgeSource,
  SliSource,
  SreAccessSourcesExtensionPoint,
  SreAlertPollersExtensionPoint,
  SreAlertReceiversExtensionPoint,
  SreBackupSourcesExtensionPoint,
  SreChangeReceiversExtensionPoint,
  SreChangeSourcesExtensionPoint,
  SreCostSourcesExtensionPoint,
  SreDrillSourcesExtensionPoint,
  SreKnowledgeSourcesExtensionPoint,
  SreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** An `add…` method that appends what it is given to `into`. */
function appendTo<T>(into: T[]) {
  return (...items: T[]) => {
    into.push(...items);
  };
}

/**
 * `SreSliSourcesExtensionPoint` that keeps what a module added.
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
 * `SreAlertReceiversExtensionPoint` that keeps what a module added.
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
 * `SreAlertPollersExtensionPoint` that keeps what a module added.
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
 * `SreCostSourcesExtensionPoint` that keeps what a module added.
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
 * `SreAccessSourcesExtensionPoint` that keeps what a module added.
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
 * `SreKnowledgeSourcesExtensionPoint` that keeps what a module added.
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
 * `SreChangeSourcesExtensionPoint` that keeps what a module added.
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

/**
 * `SreChangeReceiversExtensionPoint` that keeps what a module added.
 * @public
 */
export interface SreChangeReceiversExtensionPointMock
  extends SreChangeReceiversExtensionPoint {
  /** The change webhook receivers added, in order. */
  readonly changeReceivers: ChangeWebhookReceiver[];
}

/**
 * A change receivers extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreChangeReceiversExtensionPointMock(): SreChangeReceiversExtensionPointMock {
  const changeReceivers: ChangeWebhookReceiver[] = [];
  return { changeReceivers, addChangeReceiver: appendTo(changeReceivers) };
}

/**
 * `SreBackupSourcesExtensionPoint` that keeps what a module added.
 * @public
 */
export interface SreBackupSourcesExtensionPointMock
  extends SreBackupSourcesExtensionPoint {
  /** The backup sources added, in order. */
  readonly backupSources: BackupSource[];
}

/**
 * A backup sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreBackupSourcesExtensionPointMock(): SreBackupSourcesExtensionPointMock {
  const backupSources: BackupSource[] = [];
  return { backupSources, addBackupSource: appendTo(backupSources) };
}

/**
 * `SreDrillSourcesExtensionPoint` that keeps what a module added.
 * @public
 */
export interface SreDrillSourcesExtensionPointMock
  extends SreDrillSourcesExtensionPoint {
  /** The drill sources added, in order. */
  readonly drillSources: DrillSource[];
}

/**
 * A drill sources extension point for a module's test, as
 * {@link sreSliSourcesExtensionPointMock}.
 * @public
 */
export function sreDrillSourcesExtensionPointMock(): SreDrillSourcesExtensionPointMock {
  const drillSources: DrillSource[] = [];
  return { drillSources, addDrillSource: appendTo(drillSources) };
}
