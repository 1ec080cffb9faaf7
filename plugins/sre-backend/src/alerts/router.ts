import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromParams } from '../routing/entityRefParams';
import { isoTime } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { AlertService } from './AlertService';

/** Largest webhook body; larger ones get 413 before anything is parsed. */
const WEBHOOK_BODY_LIMIT = '1mb';

const alertListQuery = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

/** Routes of the alerts domain: webhooks (open, checked by each source's secret), history, acknowledge. */
export function createAlertsRouter(options: {
  alerts: AlertService;
  httpAuth: HttpAuthService;
}): express.Router {
  const router = Router();

  router.post(
    '/webhooks/:source',
    // The raw bytes: signatures are over the body as sent, and SNS posts text/plain.
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const result = await options.alerts.receiveWebhook(req.params.source, {
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        headers: req.headers,
        query: req.query as Record<string, unknown>,
      });
      res.status(200).json(result);
    },
  );

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const query = parseInput(alertListQuery, req.query);
    res.json(await options.alerts.list(entityRef, query));
  });

  router.get('/teams/:namespace/:name/alerts', async (req, res) => {
    const teamRef = entityRefFromParams({ ...req.params, kind: 'group' });
    const query = parseInput(alertListQuery.omit({ cursor: true }), req.query);
    res.json(await options.alerts.listForTeam(teamRef, query));
  });

  router.get('/alerts/noise', async (req, res) => {
    const query = parseInput(
      alertListQuery.pick({ from: true, to: true }),
      req.query,
    );
    res.json(await options.alerts.noiseRanking(query));
  });

  router.post('/alerts/:id/ack', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    res.json(
      await options.alerts.acknowledge(
        req.params.id,
        credentials.principal.userEntityRef,
      ),
    );
  });

  return router;
}
