import { InputError } from '@backstage/errors';
import { costImportPermission } from '@baton/plugin-sre-common';
import express from 'express';
import Router from 'express-promise-router';
import { PassThrough, Transform } from 'stream';
import { z } from 'zod';
import { isoDay } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { PayloadTooLargeError } from '../routing/PayloadTooLargeError';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { CostService, CostUploadLimits } from './CostService';
import { CostSourceRegistry } from './CostSourceRegistry';

/**
 * The upload as the reader's body, cut off past `maxBytes` with a 413. The
 * reader destroys its body when it stops at a bad row; destroying the
 * request itself would close the socket before the error is sent, so it
 * reads a pipe instead. An upload that breaks off fails the pipe, and
 * nothing is stored.
 */
function uploadBody(req: express.Request, maxBytes: number): PassThrough {
  const body = new PassThrough();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(
          new PayloadTooLargeError(
            `The upload is larger than sre.cost.import.maxBytes (${maxBytes} bytes)`,
          ),
        );
        return;
      }
      callback(null, chunk);
    },
  });
  counter.on('error', error => body.destroy(error));
  req.pipe(counter).pipe(body);
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
  format: z.string().max(64).default('focus'),
  /** The upload source's name; stored as `upload:<name>`. */
  source: z.string().max(64).default('focus-upload'),
  /** A name for the import log, e.g. the file's. */
  origin: z.string().max(1024).optional(),
});

/** Routes of the cost domain: entity and team reports, and file uploads. */
export function createCostRouter(options: {
  costs: CostService;
  costSources: CostSourceRegistry;
  authorizer: RequestAuthorizer;
  uploadLimits: CostUploadLimits & { maxBytes: number };
}): express.Router {
  const router = Router();
  const { authorizer } = options;

  router.get('/entities/:kind/:namespace/:name/costs', async (req, res) => {
    const { entityRef } = await authorizer.readableEntity(req);
    res.json(
      await options.costs.report(entityRef, parseInput(costQuery, req.query)),
    );
  });

  router.get('/teams/:namespace/:name/costs', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    res.json(
      await options.costs.teamReport(
        teamRef,
        parseInput(costQuery, req.query),
        { visible: authorizer.visibility(caller) },
      ),
    );
  });

  // The body is the file itself, streamed: no body parser, a byte limit of its own.
  router.post('/costs/import', async (req, res) => {
    const caller = await authorizer.caller(req);
    await authorizer.authorize(caller, costImportPermission);
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
    const declared = Number(req.headers['content-length']);
    if (declared > options.uploadLimits.maxBytes) {
      throw new PayloadTooLargeError(
        `The upload is larger than sre.cost.import.maxBytes (${options.uploadLimits.maxBytes} bytes)`,
      );
    }
    const result = await options.costs.importUpload(
      query.source,
      {
        origin: query.origin ?? `upload by ${caller.actor}`,
        rows: format.read(uploadBody(req, options.uploadLimits.maxBytes)),
      },
      options.uploadLimits,
    );
    res.json(result);
  });

  return router;
}
