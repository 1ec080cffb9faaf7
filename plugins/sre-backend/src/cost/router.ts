import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { PassThrough } from 'stream';
import { z } from 'zod';
import { entityRefFromParams } from '../routing/entityRefParams';
import { isoDay } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { CostService } from './CostService';
import { CostSourceRegistry } from './CostSourceRegistry';

/**
 * The upload as the reader's body. The reader destroys its body when it
 * stops at a bad row; destroying the request itself would close the socket
 * before the 400 is sent, so it reads a pipe instead. An upload that breaks
 * off fails the pipe, and nothing is stored.
 */
function uploadBody(req: express.Request): PassThrough {
  const body = new PassThrough();
  req.pipe(body);
  req.on('close', () => {
    if (!req.readableEnded) {
      body.destroy(new InputError('The upload broke off before its end'));
    }
  });
  return body;
}

const costQuery = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  granularity: z.enum(['day', 'month']).default('day'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
});

const importQuery = z.object({
  format: z.string().default('focus'),
  source: z.string().default('focus-upload'),
  /** A name for the import log, e.g. the file's. */
  origin: z.string().max(1024).optional(),
});

/** Routes of the cost domain: entity and team reports, and file uploads. */
export function createCostRouter(options: {
  costs: CostService;
  costSources: CostSourceRegistry;
  httpAuth: HttpAuthService;
}): express.Router {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/costs', async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    res.json(
      await options.costs.report(entityRef, parseInput(costQuery, req.query)),
    );
  });

  router.get('/teams/:namespace/:name/costs', async (req, res) => {
    const teamRef = entityRefFromParams({ ...req.params, kind: 'group' });
    res.json(
      await options.costs.teamReport(teamRef, parseInput(costQuery, req.query)),
    );
  });

  // The body is the file itself, streamed: no body parser, no size limit.
  router.post('/costs/import', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(importQuery, req.query);
    const format = options.costSources.format(query.format);
    if (!format) {
      const installed = options.costSources.formats();
      throw new InputError(
        `format: no cost file format '${query.format}'; ${
          installed.length
            ? `installed: ${installed.join(', ')}`
            : 'install @baton/plugin-sre-backend-module-focus'
        }`,
      );
    }
    const by =
      'userEntityRef' in credentials.principal
        ? credentials.principal.userEntityRef
        : credentials.principal.subject;
    const result = await options.costs.importBatch(query.source, {
      origin: query.origin ?? `upload by ${by}`,
      rows: format.read(uploadBody(req)),
    });
    res.json(result);
  });

  return router;
}
