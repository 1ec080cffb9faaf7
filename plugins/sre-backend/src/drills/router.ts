import { DRILL_OUTCOMES, DRILL_SCENARIOS } from '@baton/plugin-sre-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { authorizeReviewTeamChange } from '../review/reviewTeamChange';
import {
  actionItemBody,
  isoDay,
  isoTimeAsDate,
  typedTitle,
} from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { DrillService } from './DrillService';

const NOTES_LIMIT = 20_000;

const drillParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a drill id'),
});

const recordBody = z
  .object({
    performedAt: isoTimeAsDate,
    participants: z
      .array(z.string().min(1))
      .min(1, 'at least one person took part')
      .max(100),
    outcome: z.enum(DRILL_OUTCOMES),
    recoveryMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
    notes: z
      .string()
      .max(NOTES_LIMIT, `must be at most ${NOTES_LIMIT} characters`)
      .optional(),
  })
  .strict();

const planBody = z
  .object({
    scenario: z.enum(DRILL_SCENARIOS),
    title: typedTitle(500),
    entityRefs: z
      .array(z.string().min(1).max(512))
      .min(1, 'name at least one service')
      .max(50),
    plannedFor: isoDay.nullable().optional(),
    /** A drill that already took place: planned and recorded at once. */
    record: recordBody.optional(),
  })
  .strict();

/** Routes of the drills domain: a team's drills, planning and recording them, their action items, an entity's drills. */
export function createDrillsRouter(options: {
  drills: DrillService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer, drills } = options;
  router.use('/drills', express.json({ limit: '256kb' }));

  /** Drills are changed by those who may change the team's review. */
  const change = (req: express.Request) =>
    authorizeReviewTeamChange(authorizer, req, teamRef =>
      drills.teamResource(teamRef),
    );

  router.get('/drills/:namespace/:team', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    res.json(
      await drills.teamDrills(teamRef, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.post('/drills/:namespace/:team', async (req, res) => {
    const { teamRef, by, visible } = await change(req);
    const { record, ...plan } = parseInput(planBody, req.body ?? {});
    res
      .status(201)
      .json(await drills.plan(teamRef, plan, by, { record, visible }));
  });

  router.post('/drills/:namespace/:team/:id/record', async (req, res) => {
    const { teamRef, by } = await change(req);
    const { id } = parseInput(drillParams, req.params);
    const body = parseInput(recordBody, req.body ?? {});
    res.json(await drills.record(teamRef, id, body, by));
  });

  router.post('/drills/:namespace/:team/:id/actions', async (req, res) => {
    const { teamRef, by } = await change(req);
    const { id } = parseInput(drillParams, req.params);
    const body = parseInput(actionItemBody, req.body ?? {});
    res.status(201).json(await drills.addAction(teamRef, id, body, by));
  });

  router.get('/entities/:kind/:namespace/:name/drills', async (req, res) => {
    const { entityRef } = await authorizer.readableEntity(req);
    res.json(await drills.entityDrills(entityRef));
  });

  return router;
}
