import { Router } from 'express'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'

/** `GET /healthz`: 200 while the server takes requests, with a few gauges. */
export function healthRoutes(registry: DocumentRegistry): Router {
  const router = Router()
  const started = Date.now()
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000), liveDocuments: registry.size })
  })
  return router
}
