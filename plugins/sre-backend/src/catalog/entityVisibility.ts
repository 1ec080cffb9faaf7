/**
 * The refs among `entityRefs` that the caller may read in the catalog: the
 * filter a team-wide report applies to its entities, so that a report
 * never shows what the caller's catalog would hide.
 */
export type EntityVisibility = (entityRefs: string[]) => Promise<Set<string>>;
