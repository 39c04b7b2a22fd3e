import express, { Router } from 'express'
import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Serves the built client: hashed assets with a long cache, and index.html (never cached) for every
 * other GET outside /api, so deep links like `/a/:id` open in the editor.
 */
export function staticClient(distDir: string): Router {
  const index = path.join(distDir, 'index.html')
  if (!existsSync(index)) throw new RangeError(`no built client at ${distDir} (run npm run build)`)
  const router = Router()
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }))
  router.use(express.static(distDir, { index: false }))
  router.get(/^\/(?!api\/|api$|socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
