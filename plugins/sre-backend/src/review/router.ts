import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromParams } from '../routing/entityRefParams';
import { isoDay, isoTime } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { ReviewService } from './ReviewService';

/** Notes of one review: a long meeting's worth, not a document store. */
const NOTES_LIMIT = 100_000;

const link = z
  .string()
  .max(2048)
  .url('must be a URL')
  .refine(
    value => /^https?:$/.test(new URL(value).protocol),
    'must be an http or https URL',
  );

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters');

const userRefs = z.array(z.string().min(1)).max(200);

const reviewParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a review id'),
});
const actionParams = z.object({
  actionId: z.string().regex(/^[1-9]\d{0,17}$/, 'must be an action item id'),
});

const startBody = z
  .object({ attendees: userRefs.default([]), since: isoTime.optional() })
  .strict();

const updateBody = z
  .object({
    notes: z
      .string()
      .max(NOTES_LIMIT, `must be at most ${NOTES_LIMIT} characters`)
      .optional(),
    attendees: userRefs.optional(),
    revision: z.number().int().positive(),
  })
  .strict();

const actionBody = z
  .object({
    title,
    ownerRef: z.string().min(1).nullable().optional(),
    due: isoDay.nullable().optional(),
    link: link.nullable().optional(),
  })
  .strict();

const actionChange = actionBody
  .partial()
  .extend({ status: z.enum(['open', 'done', 'dropped']).optional() })
  .strict();

/** Routes of the review domain: a team's agenda, its reviews and their action items. */
export function createReviewRouter(options: {
  reviews: ReviewService;
  httpAuth: HttpAuthService;
}): express.Router {
  const router = Router();
  router.use('/reviews', express.json({ limit: '1mb' }));

  const teamOf = (params: { namespace?: string; team?: string }) =>
    entityRefFromParams({
      kind: 'group',
      namespace: params.namespace,
      name: params.team,
    });
  // Changes are made by people: the review records who.
  const actor = async (req: express.Request) =>
    (await options.httpAuth.credentials(req, { allow: ['user'] })).principal
      .userEntityRef;

  router.get('/reviews/:namespace/:team', async (req, res) => {
    const query = parseInput(
      z.object({ since: isoTime.optional() }),
      req.query,
    );
    res.json(await options.reviews.teamReview(teamOf(req.params), query));
  });

  router.post('/reviews/:namespace/:team', async (req, res) => {
    const by = await actor(req);
    const body = parseInput(startBody, req.body ?? {});
    res
      .status(201)
      .json(await options.reviews.start(teamOf(req.params), body, by));
  });

  router.get('/reviews/:namespace/:team/:id', async (req, res) => {
    const teamRef = teamOf(req.params);
    const reviewId = parseInput(reviewParams, req.params).id;
    const { format } = parseInput(
      z.object({ format: z.enum(['json', 'markdown']).default('json') }),
      req.query,
    );
    if (format === 'markdown') {
      const markdown = await options.reviews.markdown(teamRef, reviewId);
      res
        .type('text/markdown; charset=utf-8')
        .attachment(`review-${req.params.team}-${reviewId}.md`)
        .send(markdown);
      return;
    }
    res.json(await options.reviews.getReview(teamRef, reviewId));
  });

  router.patch('/reviews/:namespace/:team/:id', async (req, res) => {
    await actor(req);
    const teamRef = teamOf(req.params);
    const reviewId = parseInput(reviewParams, req.params).id;
    const body = parseInput(updateBody, req.body ?? {});
    res.json(await options.reviews.update(teamRef, reviewId, body));
  });

  router.post('/reviews/:namespace/:team/:id/finish', async (req, res) => {
    const by = await actor(req);
    const teamRef = teamOf(req.params);
    res.json(
      await options.reviews.finish(
        teamRef,
        parseInput(reviewParams, req.params).id,
        by,
      ),
    );
  });

  router.post('/reviews/:namespace/:team/:id/actions', async (req, res) => {
    const by = await actor(req);
    const teamRef = teamOf(req.params);
    const reviewId = parseInput(reviewParams, req.params).id;
    const body = parseInput(actionBody, req.body ?? {});
    res
      .status(201)
      .json(await options.reviews.addAction(teamRef, reviewId, body, by));
  });

  router.patch(
    '/reviews/:namespace/:team/actions/:actionId',
    async (req, res) => {
      const by = await actor(req);
      const teamRef = teamOf(req.params);
      const itemId = parseInput(actionParams, req.params).actionId;
      const change = parseInput(actionChange, req.body ?? {});
      res.json(await options.reviews.updateAction(teamRef, itemId, change, by));
    },
  );

  return router;
}
