import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromParams } from '../routing/entityRefParams';
import { parseInput } from '../routing/parseInput';
import { KnowledgeService } from './KnowledgeService';
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
  knowledge: KnowledgeService;
  readiness: ReadinessService;
}): express.Router {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/knowledge', async (req, res) => {
    res.json(
      await options.knowledge.getReport(entityRefFromParams(req.params)),
    );
  });

  router.get('/entities/:kind/:namespace/:name/readiness', async (req, res) => {
    res.json(
      await options.readiness.getReadiness(entityRefFromParams(req.params)),
    );
  });

  router.get('/teams/:namespace/:name/report', async (req, res) => {
    const teamRef = entityRefFromParams({ ...req.params, kind: 'group' });
    const query = parseInput(teamReportQuery, req.query);
    res.json(await options.readiness.getTeamReport(teamRef, query));
  });

  return router;
}
