/** The id of the Backups card on an entity page, so that other cards can link to it (`#baton-backups`). */
export const BACKUPS_ANCHOR = 'baton-backups';
