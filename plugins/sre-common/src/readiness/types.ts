/** @public */
export type ReadinessCheckStatus = 'pass' | 'fail' | 'unknown';

/** One check of the "ready for leave" score. @public */
export interface ReadinessCheck {
  id: string;
  title: string;
  status: ReadinessCheckStatus;
  reason: string;
  fix: string;
}

/** An entity's "ready for leave" report as `GET /entities/{ref}/readiness` returns it. @public */
export interface ReadinessReport {
  /** 0–100. */
  score: number;
  level: string;
  checks: ReadinessCheck[];
  truckFactor: number | null;
  knowledge: Array<{ userRef: string; share: number }>;
}
