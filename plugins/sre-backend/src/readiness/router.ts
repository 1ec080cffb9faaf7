import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams } from '../routing/entityRefParams';
import { KnowledgeService } from './KnowledgeService';

/** Routes of the readiness domain: knowledge map and truck factor. */
export function createReadinessRouter(options: {
  knowledge: KnowledgeService;
}): express.Router {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/knowledge', async (req, res) => {
    res.json(
      await options.knowledge.getReport(entityRefFromParams(req.params)),
    );
  });

  return router;
}
