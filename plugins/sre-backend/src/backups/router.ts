import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { BackupService, HISTORY_DAYS } from './BackupService';

const historyQuery = z.object({
  resource: z.string().trim().min(1, 'name a protected resource').max(1024),
  days: z.coerce.number().int().min(1).max(HISTORY_DAYS).default(90),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'must be a nextCursor of this route')
    .optional(),
});

/** Routes of the backups domain: an entity's protected resources and their evidence, now and over time. */
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

  router.get(
    '/entities/:kind/:namespace/:name/backups/history',
    async (req, res) => {
      const { entityRef } = await authorizer.readableEntity(req);
      const query = parseInput(historyQuery, req.query);
      res.json(await backups.history(entityRef, query));
    },
  );

  return router;
}
