import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams } from '../routing/entityRefParams';
import { SloService } from './SloService';

/** Routes of the SLO domain. */
export function createSloRouter(options: { slos: SloService }): express.Router {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    res.json(await options.slos.getSlos(entityRefFromParams(req.params)));
  });

  return router;
}
