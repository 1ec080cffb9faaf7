import express from 'express';
import Router from 'express-promise-router';

/**
 * The plugin's REST API. Each domain adds its routes here; errors reach the
 * backend's own error handler, so none is installed.
 */
export async function createRouter(): Promise<express.Router> {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return router;
}
