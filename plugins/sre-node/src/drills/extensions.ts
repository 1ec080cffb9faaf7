import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DrillOutcome, DrillScenario } from '@baton/plugin-sre-common';

/** A drill a team ran, as recorded outside Baton (a game-day tool, a spreadsheet, the demo). @public */
export interface ImportedDrill {
  /** The Group whose drill it was. */
  teamRef: string;
  scenario: DrillScenario;
  title: string;
  /** The services (or resources) it practised on; each must be in the catalog. */
  entityRefs: string[];
  /** When it took place, ISO 8601; not in the future. */
  performedAt: string;
  /** Catalog Users who took part; at least one. */
  participants: string[];
  outcome: DrillOutcome;
  /** Minutes from the start of the drill to the service recovered. */
  recoveryMinutes?: number | null;
  /** What went wrong, what was learnt (Markdown). */
  notes?: string;
  /** The catalog User who recorded it. */
  recordedBy: string;
}

/**
 * Drills recorded outside Baton, imported on the sre backend's schedule
 * (`sre.drills.schedule`) as if recorded on the team's Drills page. A drill
 * of the team with the same title and time is taken as imported already,
 * so a source may return the same drills on every read.
 * @public
 */
export interface DrillSource {
  /** Unique id of this source. */
  readonly id: string;
  readDrills(options: { now: Date }): Promise<ImportedDrill[]>;
}

/** Lets modules add drill sources to the sre backend plugin. @public */
export interface SreDrillSourcesExtensionPoint {
  addDrillSource(...sources: DrillSource[]): void;
}

/** @public */
export const sreDrillSourcesExtensionPoint =
  createExtensionPoint<SreDrillSourcesExtensionPoint>({
    id: 'sre.drill-sources',
  });
