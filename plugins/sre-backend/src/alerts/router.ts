import { alertAcknowledgePermission } from '@baton/plugin-sre-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { isoTime } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { AlertService } from './AlertService';
import { isAlertOwner } from './permissionRules';

/** Largest webhook body; larger ones get 413 before anything is parsed. */
const WEBHOOK_BODY_LIMIT = '1mb';

const alertParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be an alert id')
    .transform(Number),
});

const alertListQuery = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

/** Routes of the alerts domain: webhooks (open, checked by each source's secret), history, acknowledge. */
export function createAlertsRouter(options: {
  alerts: AlertService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer } = options;

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
    const { entityRef } = await authorizer.readableEntity(req);
    const query = parseInput(alertListQuery, req.query);
    res.json(await options.alerts.list(entityRef, query));
  });

  router.get('/teams/:namespace/:name/alerts', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    const query = parseInput(alertListQuery.omit({ cursor: true }), req.query);
    res.json(
      await options.alerts.listForTeam(teamRef, query, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.get('/alerts/noise', async (req, res) => {
    const caller = await authorizer.caller(req);
    const query = parseInput(
      alertListQuery.pick({ from: true, to: true }),
      req.query,
    );
    res.json(
      await options.alerts.noiseRanking(query, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  // Acknowledging is a person's act, on an alert of something they own.
  const acknowledged = async (req: express.Request) => {
    const caller = await authorizer.caller(req, 'user');
    const { id } = parseInput(alertParams, req.params);
    await authorizer.authorizeResource(
      caller,
      alertAcknowledgePermission,
      [isAlertOwner],
      () => options.alerts.alertResource(id),
    );
    return { id, userRef: caller.userEntityRef! };
  };

  router.post('/alerts/:id/ack', async (req, res) => {
    const { id, userRef } = await acknowledged(req);
    res.json(await options.alerts.acknowledge(id, userRef));
  });

  // Taking one's own acknowledgement back, within minutes.
  router.delete('/alerts/:id/ack', async (req, res) => {
    const { id, userRef } = await acknowledged(req);
    res.json(await options.alerts.unacknowledge(id, userRef));
  });

  return router;
}
