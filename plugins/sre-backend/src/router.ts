import express from 'express';
import Router from 'express-promise-router';
import { AccessReviewService } from './access/AccessReviewService';
import { createAccessRouter } from './access/router';
import { AlertService } from './alerts/AlertService';
import { createAlertsRouter } from './alerts/router';
import { BackupService } from './backups/BackupService';
import { createBackupsRouter } from './backups/router';
import { ChangeService } from './changes/ChangeService';
import { ChangeWebhookService } from './changes/ChangeWebhookService';
import { createChangesRouter } from './changes/router';
import { CostService, CostUploadLimits } from './cost/CostService';
import { CostSourceRegistry } from './cost/CostSourceRegistry';
import { DrillService } from './drills/DrillService';
import { createDrillsRouter } from './drills/router';
import { createCostRouter } from './cost/router';
import { KnowledgeService } from './readiness/KnowledgeService';
import { ReadinessService } from './readiness/ReadinessService';
import { createReadinessRouter } from './readiness/router';
import { ReviewService } from './review/ReviewService';
import { createReviewRouter } from './review/router';
import { SloService } from './slo/SloService';
import { createSloRouter } from './slo/router';
import { RequestAuthorizer } from './routing/RequestAuthorizer';
import { SourceStatusService } from './sources/SourceStatusService';
import { createSourcesRouter } from './sources/router';

/**
 * The plugin's REST API: one router per domain. Errors reach the backend's
 * own error handler, so none is installed here.
 */
export async function createRouter(options: {
  knowledge: KnowledgeService;
  readiness: ReadinessService;
  slos: SloService;
  alerts: AlertService;
  costs: CostService;
  costSources: CostSourceRegistry;
  changes: ChangeService;
  backups: BackupService;
  changeWebhooks: ChangeWebhookService;
  reviews: ReviewService;
  accessReviews: AccessReviewService;
  sourceStatus: SourceStatusService;
  drills: DrillService;
  authorizer: RequestAuthorizer;
  uploadLimits: CostUploadLimits & { maxBytes: number };
}): Promise<express.Router> {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(createAlertsRouter(options));
  router.use(createSloRouter(options));
  router.use(createCostRouter(options));
  router.use(createReadinessRouter(options));
  router.use(createReviewRouter(options));
  router.use(createAccessRouter(options));
  router.use(createChangesRouter(options));
  router.use(createBackupsRouter(options));
  router.use(createDrillsRouter(options));
  router.use(createSourcesRouter(options));

  return router;
}
