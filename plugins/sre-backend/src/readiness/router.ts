import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { parseInput } from '../routing/parseInput';
import { ReadinessService } from './ReadinessService';

const userRef = z.string().transform((value, context) => {
  try {
    const ref = parseEntityRef(value);
    if (ref.kind.toLocaleLowerCase('en-US') === 'user') {
      return stringifyEntityRef(ref);
    }
  } catch {
    // reported below
  }
  context.addIssue({
    code: 'custom',
    message: `'${value}' is not a User entity ref (user:namespace/name)`,
  });
  return z.NEVER;
});

const teamReportQuery = z.object({
  // ?absent=a&absent=b arrives as an array, a single one as a string.
  absent: z.preprocess(
    value => (value === undefined ? [] : [value].flat()),
    z.array(userRef),
  ),
  days: z.coerce.number().int().min(0).max(366).default(0),
});

/** Routes of the readiness domain: knowledge, readiness score, team report. */
export function createReadinessRouter(options: {
  readiness: ReadinessService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer } = options;

  router.get('/entities/:kind/:namespace/:name/knowledge', async (req, res) => {
    const { entityRef } = await authorizer.readableEntity(req);
    // Served as readiness counts it: holders without a recent commit marked former.
    res.json(await options.readiness.getKnowledge(entityRef));
  });

  router.get('/entities/:kind/:namespace/:name/readiness', async (req, res) => {
    const { caller, entityRef } = await authorizer.readableEntity(req);
    res.json(
      await options.readiness.getReadiness(entityRef, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.get('/teams/:namespace/:name/report', async (req, res) => {
    const { caller, teamRef } = await authorizer.readableTeam(req);
    const query = parseInput(teamReportQuery, req.query);
    res.json(
      await options.readiness.getTeamReport(teamRef, {
        ...query,
        visible: authorizer.visibility(caller),
      }),
    );
  });

  return router;
}
