import express from 'express';
import Router from 'express-promise-router';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { BackupService } from './BackupService';

/** Routes of the backups domain: an entity's protected resources and their evidence. */
export function createBackupsRouter(options: {
  backups: BackupService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer, backups } = options;

  router.get('/entities/:kind/:namespace/:name/backups', async (req, res) => {
    const { entityRef } = await authorizer.readableEntity(req);
    res.json(await backups.forEntity(entityRef));
  });

  return router;
}
