import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { changeRecordPermission } from '@baton/plugin-sre-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { isoTimeAsDate } from '../routing/inputSchemas';
import { parseInput } from '../routing/parseInput';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { recordChangesRequest } from './changeInputSchema';
import { ChangeService } from './ChangeService';

/** The longest range one request reads. */
const MAX_RANGE_DAYS = 400;

/** An entity ref in a query, written as the catalog writes it; `defaultKind` when it has none. */
const queryRef = (defaultKind?: string) =>
  z
    .string()
    .max(512)
    .transform((value, context) => {
      try {
        return stringifyEntityRef(parseEntityRef(value, { defaultKind }));
      } catch {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `'${value}' is not an entity ref (kind:namespace/name)`,
        });
        return z.NEVER;
      }
    });

const range = z
  .object({
    from: isoTimeAsDate.optional(),
    to: isoTimeAsDate.optional(),
  })
  .superRefine(({ from, to }, context) => {
    const end = to?.getTime() ?? Date.now();
    if (from && from.getTime() >= end) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['from'],
        message: 'must be before to',
      });
    } else if (from && end - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['from'],
        message: `the range may be at most ${MAX_RANGE_DAYS} days`,
      });
    }
  });

const entityQuery = z.object({ entityRef: queryRef() }).and(range);

const teamQuery = z.object({ teamRef: queryRef('group') }).and(range);

/** Routes of the changes domain: an entity's changes, a team's, and recording them. */
export function createChangesRouter(options: {
  changes: ChangeService;
  authorizer: RequestAuthorizer;
}): express.Router {
  const router = Router();
  const { authorizer, changes } = options;

  router.get('/changes', async (req, res) => {
    const caller = await authorizer.caller(req);
    const query = parseInput(entityQuery, req.query);
    // A 404 for an entity the caller may not read, as the catalog answers.
    await authorizer.visibleEntity(caller, query.entityRef);
    res.json(
      await changes.listForEntity(query.entityRef, query, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.get('/changes/team', async (req, res) => {
    const caller = await authorizer.caller(req);
    const query = parseInput(teamQuery, req.query);
    await authorizer.visibleEntity(caller, query.teamRef, 'group');
    res.json(
      await changes.teamChanges(query.teamRef, query, {
        visible: authorizer.visibility(caller),
      }),
    );
  });

  router.post('/changes', express.json({ limit: '2mb' }), async (req, res) => {
    const caller = await authorizer.caller(req);
    await authorizer.authorize(caller, changeRecordPermission);
    const body = parseInput(recordChangesRequest, req.body);
    res.json(await changes.record(body.changes, body.source));
  });

  return router;
}
