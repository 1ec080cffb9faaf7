import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { isoDay } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { AccessReviewService } from './AccessReviewService';

const itemId = z.string().regex(/^[1-9]\d{0,17}$/, 'must be an item id');
const campaignParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a campaign id'),
});

const decision = z
  .object({
    decision: z.enum(['keep', 'revoke', 'transfer']),
    transferTo: z.string().min(1).max(255).optional(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

const createBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    dueDate: isoDay.optional(),
    resourceRefs: z.array(z.string().min(1)).max(500).optional(),
  })
  .strict();

const bulkBody = decision
  .extend({ itemIds: z.array(itemId).min(1).max(1000) })
  .strict();

/**
 * Routes of the access domain: campaigns, decisions, evidence and the
 * caller's tasks. The audit log is read with a campaign; no route changes it.
 */
export function createAccessRouter(options: {
  accessReviews: AccessReviewService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { accessReviews, authorizer } = options;
  router.use(['/access-reviews', '/tasks'], express.json({ limit: '1mb' }));

  // Decisions and campaigns are made by people, whom the audit log names;
  // reading and evidence are open to services (an auditor's export script).
  const person = (req: express.Request) => authorizer.caller(req, 'user');
  const anyone = (req: express.Request) => authorizer.caller(req);

  router.get('/access-reviews', async (req, res) => {
    const { credentials } = await anyone(req);
    res.json({ items: await accessReviews.listCampaigns(credentials) });
  });

  router.post('/access-reviews', async (req, res) => {
    const { credentials, actor } = await person(req);
    const body = parseInput(createBody, req.body ?? {});
    res
      .status(201)
      .json(await accessReviews.createCampaign(body, actor, credentials));
  });

  router.get('/access-reviews/:id', async (req, res) => {
    const { credentials } = await anyone(req);
    const { id } = parseInput(campaignParams, req.params);
    res.json(await accessReviews.getCampaign(id, credentials));
  });

  router.post(
    '/access-reviews/:id/items/:itemId/decision',
    async (req, res) => {
      const { credentials, actor } = await person(req);
      const { id } = parseInput(campaignParams, req.params);
      const item = parseInput(z.object({ itemId }), req.params).itemId;
      const body = parseInput(decision, req.body ?? {});
      const [updated] = await accessReviews.decide(
        id,
        [{ itemId: item, ...body }],
        actor,
        credentials,
      );
      res.json(updated);
    },
  );

  // One decision for many items, all or none.
  router.post('/access-reviews/:id/decisions', async (req, res) => {
    const { credentials, actor } = await person(req);
    const { id } = parseInput(campaignParams, req.params);
    const { itemIds, ...body } = parseInput(bulkBody, req.body ?? {});
    res.json({
      items: await accessReviews.decide(
        id,
        itemIds.map(item => ({ itemId: item, ...body })),
        actor,
        credentials,
      ),
    });
  });

  router.post('/access-reviews/:id/close', async (req, res) => {
    const { credentials, actor } = await person(req);
    const { id } = parseInput(campaignParams, req.params);
    res.json(await accessReviews.close(id, actor, credentials));
  });

  router.get('/access-reviews/:id/evidence', async (req, res) => {
    const { credentials, actor } = await anyone(req);
    const { id } = parseInput(campaignParams, req.params);
    const { format } = parseInput(
      z.object({ format: z.enum(['csv', 'json']).default('csv') }),
      req.query,
    );
    const body = await accessReviews.evidence(id, format, actor, credentials);
    res
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
      .attachment(`access-review-${id}-evidence.${format}`)
      .send(body);
  });

  router.get('/tasks', async (req, res) => {
    const { actor } = await person(req);
    res.json({ items: await accessReviews.tasks(actor) });
  });

  return router;
}
