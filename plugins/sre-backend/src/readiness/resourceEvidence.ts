import type { ReadinessFacts } from '@baton/plugin-sre-common';

type BackupFacts = NonNullable<ReadinessFacts['backups']>;
type DrillFacts = NonNullable<ReadinessFacts['drills']>;

/** The entity's own protected resources, then those of the Resources it depends on, each named once. */
export function backupsThroughResources(
  own: BackupFacts | undefined,
  through: Array<{ ref: string; facts: BackupFacts | undefined }>,
): BackupFacts | undefined {
  if (!own || !through.length) return own;
  const names = new Set(own.resources.map(resource => resource.name));
  const resources = [...own.resources];
  for (const { ref, facts } of through) {
    for (const resource of facts?.resources ?? []) {
      // A resource mapped to the entity itself too is its own evidence.
      if (names.has(resource.name)) continue;
      names.add(resource.name);
      resources.push({ ...resource, viaEntityRef: ref });
    }
  }
  return { ...own, resources };
}

/** The entity's drills and the restore drills of the Resources it depends on, newest first, each once. */
export function drillsThroughResources(
  own: DrillFacts | undefined,
  through: Array<{ ref: string; facts: DrillFacts | undefined }>,
): DrillFacts | undefined {
  if (!own || !through.length) return own;
  const key = (drill: DrillFacts[number]) =>
    drill.id ??
    `${drill.performedAt} ${drill.scenario} ${drill.participants.join(',')}`;
  const seen = new Set(own.map(key));
  const drills = [...own];
  for (const { ref, facts } of through) {
    for (const drill of facts ?? []) {
      // Restoring the database restores the service's data; the Resource's other drills are its own.
      if (drill.scenario !== 'restore-from-backup' || seen.has(key(drill))) {
        continue;
      }
      seen.add(key(drill));
      drills.push({ ...drill, viaEntityRef: ref });
    }
  }
  // The drill check reads the newest first.
  return drills.sort((a, b) => b.performedAt.localeCompare(a.performedAt));
}
