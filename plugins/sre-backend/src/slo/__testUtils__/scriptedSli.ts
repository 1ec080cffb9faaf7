import type { Entity } from '@backstage/catalog-model';
import type { SliSample, SliSource } from '@baton/plugin-sre-node';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { setTimeout as sleep } from 'timers/promises';

export const STEP = 300_000;
export const HOUR = 3_600_000;
// The steps after this are bad: set once, so the test knows them whenever the backend evaluates.
export const badFrom = Math.floor((Date.now() - 60_000) / STEP) * STEP - HOUR;

/**
 * 100 events per 5-minute step, 10 of them bad in every step after
 * `badFrom`; per-step values (counter: false). Fails while `down` is set;
 * answers after `delayMs`, as a remote source would. Keeps every range it
 * is asked for.
 */
export class ScriptedSource implements SliSource {
  readonly type = 'Scripted';
  down = false;
  delayMs = 0;
  readonly ranges: Array<{ count: unknown; start: number; end: number }> = [];

  get calls(): number {
    return this.ranges.length;
  }

  async queryRange(options: Parameters<SliSource['queryRange']>[0]) {
    this.ranges.push({
      count: options.metricSource.spec.count,
      start: options.range.start.getTime(),
      end: options.range.end.getTime(),
    });
    if (this.delayMs) await sleep(this.delayMs);
    if (this.down) throw new Error('scripted source is down');
    const samples: SliSample[] = [];
    const start = options.range.start.getTime();
    for (let t = start; t < options.range.end.getTime(); t += STEP) {
      const bad = t > badFrom ? 10 : 0;
      const value =
        options.metricSource.spec.count === 'good' ? 100 - bad : 100;
      samples.push({ timestamp: new Date(t), value });
    }
    return samples;
  }
}

/** Two usable SLOs of the Scripted source, and two with problems. */
export const OPENSLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-availability
  displayName: API availability
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    metadata:
      name: api-good
    spec:
      ratioMetric:
        counter: false
        good:
          metricSource:
            type: Scripted
            spec: { count: good }
        total:
          metricSource:
            type: Scripted
            spec: { count: total }
  objectives:
    - displayName: 99% good
      target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: broken
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    spec:
      ratioMetric:
        total:
          metricSource: { type: Scripted, spec: { count: total } }
        good:
          metricSource: { type: Scripted, spec: { count: good } }
  objectives:
    - target: 1.5
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-slices
spec:
  budgetingMethod: Timeslices
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource: { type: Scripted, spec: { count: good } }
        total:
          metricSource: { type: Scripted, spec: { count: total } }
  objectives:
    - target: 0.9
      timeSliceTarget: 0.95
      timeSliceWindow: 5m
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: minute-slices
spec:
  budgetingMethod: Timeslices
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource: { type: Scripted, spec: { count: good } }
        total:
          metricSource: { type: Scripted, spec: { count: total } }
  objectives:
    - target: 0.9
      timeSliceTarget: 0.95
      timeSliceWindow: 1m
`;

/**
 * A folder with OPENSLO in slo.yaml, and components whose catalog file is
 * beside it.
 */
export function sloFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-slo-'));
  fs.writeFileSync(path.join(dir, 'slo.yaml'), OPENSLO);
  const component = (
    name: string,
    annotations: Record<string, string>,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team',
      lifecycle: 'production',
    },
  });
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  return { dir, component, remove };
}
