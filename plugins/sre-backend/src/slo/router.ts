import express from 'express';
import Router from 'express-promise-router';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { SloService } from './SloService';

/** Routes of the SLO domain. */
export function createSloRouter(options: {
  slos: SloService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const { entityRef } = await options.authorizer.readableEntity(req);
    res.json(await options.slos.getSlos(entityRef));
  });

  return router;
}
