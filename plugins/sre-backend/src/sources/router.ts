import { sourceStatusReadPermission } from '@baton/plugin-sre-common';
import express from 'express';
import Router from 'express-promise-router';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { SourceStatusService } from './SourceStatusService';

/** Routes of the source status: what every source and scheduled pull did last, for admins. */
export function createSourcesRouter(options: {
  sourceStatus: SourceStatusService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer } = options;

  // People only: a service token would pass any permission policy.
  router.get('/sources', async (req, res) => {
    const caller = await authorizer.caller(req, 'user');
    await authorizer.authorize(caller, sourceStatusReadPermission);
    res.json(await options.sourceStatus.list());
  });

  return router;
}
