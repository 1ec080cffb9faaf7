/** The state of a team's reliability review. @public */
export type ReviewState = 'draft' | 'in-progress' | 'finished';
