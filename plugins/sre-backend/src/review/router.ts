import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { actionItemBody, isoTimeAsDate } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { authorizeReviewTeamChange } from './reviewTeamChange';
import { ReviewService } from './ReviewService';

/** Notes of one review: a long meeting's worth, not a document store. */
const NOTES_LIMIT = 100_000;

const userRefs = z.array(z.string().min(1)).max(200);

const reviewParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a review id'),
});
const actionParams = z.object({
  actionId: z.string().regex(/^[1-9]\d{0,17}$/, 'must be an action item id'),
});

const startBody = z
  .object({ attendees: userRefs.default([]), since: isoTimeAsDate.optional() })
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

const actionChange = actionItemBody
  .partial()
  .extend({ status: z.enum(['open', 'done', 'dropped']).optional() })
  .strict();

/** Routes of the review domain: a team's agenda, its reviews and their action items. */
export function createReviewRouter(options: {
  reviews: ReviewService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer, reviews } = options;
  router.use('/reviews', express.json({ limit: '1mb' }));

  const change = (req: express.Request) =>
    authorizeReviewTeamChange(authorizer, req, teamRef =>
      reviews.reviewTeamResource(teamRef),
    );

  router.get('/reviews/:namespace/:team', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    const query = parseInput(
      z.object({ since: isoTimeAsDate.optional() }),
      req.query,
    );
    res.json(
      await reviews.teamReview(teamRef, {
        ...query,
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.post('/reviews/:namespace/:team', async (req, res) => {
    const { teamRef, by } = await change(req);
    const body = parseInput(startBody, req.body ?? {});
    res.status(201).json(await reviews.start(teamRef, body, by));
  });

  router.get('/reviews/:namespace/:team/:id', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    const reviewId = parseInput(reviewParams, req.params).id;
    const { format } = parseInput(
      z.object({ format: z.enum(['json', 'markdown']).default('json') }),
      req.query,
    );
    if (format === 'markdown') {
      const markdown = await reviews.markdown(
        teamRef,
        reviewId,
        authorizer.visibility(caller),
      );
      res
        .type('text/markdown; charset=utf-8')
        .attachment(`review-${req.params.team}-${reviewId}.md`)
        .send(markdown);
      return;
    }
    res.json(await reviews.getReview(teamRef, reviewId));
  });

  router.patch('/reviews/:namespace/:team/:id', async (req, res) => {
    const { teamRef } = await change(req);
    const reviewId = parseInput(reviewParams, req.params).id;
    const body = parseInput(updateBody, req.body ?? {});
    res.json(await reviews.update(teamRef, reviewId, body));
  });

  router.post('/reviews/:namespace/:team/:id/finish', async (req, res) => {
    const { teamRef, by, visible } = await change(req);
    const reviewId = parseInput(reviewParams, req.params).id;
    res.json(await reviews.finish(teamRef, reviewId, by, visible));
  });

  // A review started by mistake (or with the wrong start) would lock the team out.
  router.post('/reviews/:namespace/:team/:id/abandon', async (req, res) => {
    const { teamRef, by } = await change(req);
    const reviewId = parseInput(reviewParams, req.params).id;
    res.json(await reviews.abandon(teamRef, reviewId, by));
  });

  router.post('/reviews/:namespace/:team/:id/actions', async (req, res) => {
    const { teamRef, by } = await change(req);
    const reviewId = parseInput(reviewParams, req.params).id;
    const body = parseInput(actionItemBody, req.body ?? {});
    res.status(201).json(await reviews.addAction(teamRef, reviewId, body, by));
  });

  router.patch(
    '/reviews/:namespace/:team/actions/:actionId',
    async (req, res) => {
      const { teamRef, by } = await change(req);
      const itemId = parseInput(actionParams, req.params).actionId;
      const body = parseInput(actionChange, req.body ?? {});
      res.json(await reviews.updateAction(teamRef, itemId, body, by));
    },
  );

  return router;
}
