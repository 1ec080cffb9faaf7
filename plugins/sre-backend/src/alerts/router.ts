import {
  ALERT_SOURCES,
  alertAcknowledgePermission,
} from '@baton/plugin-sre-common';
import { isError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { isoTimeAsDate } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import type { ChangeWebhookService } from '../changes/ChangeWebhookService';
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
  from: isoTimeAsDate.optional(),
  to: isoTimeAsDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

/**
 * The URL with every query value replaced, so that no secret in it reaches
 * a log line or an error body (the webhook routes read no other parameter).
 */
export function withoutQueryValues(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map(part => {
      const equals = part.indexOf('=');
      return equals < 0 ? 'redacted' : `${part.slice(0, equals)}=redacted`;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

/**
 * Routes of the alerts domain: webhooks (open, checked by each source's
 * secret; a source that is not an alert source is a module's change webhook,
 * handed to `changeWebhooks`), history, acknowledge.
 */
export function createAlertsRouter(options: {
  alerts: AlertService;
  changeWebhooks?: ChangeWebhookService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer } = options;

  // First, for every method and before the body is read: the request log
  // and error bodies show the URL, which may carry a Mackerel ?token=.
  router.use('/webhooks', (req, res, next) => {
    res.locals.webhookToken = req.query.token;
    req.url = withoutQueryValues(req.url);
    req.originalUrl = withoutQueryValues(req.originalUrl);
    next();
  });
  router.post(
    '/webhooks/:source',
    // The raw bytes: signatures are over the body as sent, and SNS posts text/plain.
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const { source } = req.params;
      const delivery = {
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        headers: req.headers,
        queryToken: res.locals.webhookToken,
      };
      if (
        options.changeWebhooks &&
        !(ALERT_SOURCES as readonly string[]).includes(source)
      ) {
        res.json(await options.changeWebhooks.receive(source, delivery));
        return;
      }
      try {
        const result = await options.alerts.receiveWebhook(source, delivery);
        res.status(200).json(result);
      } catch (error) {
        // A 401 names its scheme; Amazon SNS sends the subscription URL's user and password only when asked.
        if (isError(error) && error.name === 'AuthenticationError') {
          res.setHeader('WWW-Authenticate', 'Basic realm="baton-webhooks"');
        }
        throw error;
      }
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
