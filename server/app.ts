import express from 'express'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { Server } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/index.ts'
import { ArticleService } from './articles/articleService.ts'
import type { Config } from './config.ts'
import { DocumentRegistry } from './documents/documentRegistry.ts'
import { articlesRoutes } from './http/articlesRoutes.ts'
import { healthRoutes } from './http/healthRoutes.ts'
import { apiNotFound, jsonErrorHandler } from './http/httpErrors.ts'
import { staticClient } from './http/staticClient.ts'
import { createLogger } from './logger.ts'
import { serveSocket } from './realtime/socketSession.ts'
import { startUpdateBroadcaster } from './realtime/updateBroadcaster.ts'
import { readSampleArticle } from './seed/sampleArticle.ts'
import { createSqliteStorage, type Storage } from './storage/index.ts'

/**
 * How long after a change the article list's headline, excerpt and word count are refreshed: the
 * list tolerates a few seconds, and refreshing every second cost 3–4 % of server CPU under load.
 */
const SUMMARY_DELAY_MS = 5000

/** Room for Socket.IO's own framing around a `y` message at the size limit. */
const TRANSPORT_OVERHEAD_BYTES = 64 * 1024

export interface AppDeps {
  config: Config
  /** Defaults to SQLite in config.dataDir. */
  storage?: Storage
  logger?: Logger
}

/** A running Galley: HTTP + Socket.IO on one server, its registry and services. */
export interface App {
  httpServer: HttpServer
  io: Server<ClientToServerEvents, ServerToClientEvents>
  registry: DocumentRegistry
  articles: ArticleService
  logger: Logger
  /** Starts listening on config.port (0 = ephemeral) and resolves with the bound port. */
  listen(): Promise<number>
  /** Stops accepting connections, flushes every document and closes storage. */
  close(): Promise<void>
}

/** Builds a Galley server from its dependencies. No side effects until listen(), except the first-run seed. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config } = deps
  const logger = deps.logger ?? createLogger(config.logLevel)
  const storage = deps.storage ?? createSqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous })
  const registry = new DocumentRegistry({
    storage,
    logger,
    idleUnloadMs: config.idleUnloadMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
    summaryDelayMs: SUMMARY_DELAY_MS,
  })
  const articles = new ArticleService(storage, registry)

  if (config.seedSample && (await storage.listArticles()).length === 0) {
    const id = await articles.create({ text: readSampleArticle() })
    logger.info({ articleId: id }, 'first run: created the sample article')
  }

  const web = express()
  web.disable('x-powered-by')
  web.set('trust proxy', 'loopback')
  web.use(healthRoutes(registry))
  web.use('/api/articles', articlesRoutes(articles))
  web.use('/api', apiNotFound)
  if (config.clientDist) web.use(staticClient(config.clientDist))
  web.use(jsonErrorHandler(logger))

  const httpServer = createServer(web)
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    maxHttpBufferSize: config.maxMessageBytes + TRANSPORT_OVERHEAD_BYTES,
    serveClient: false,
  })
  const stopBroadcaster = startUpdateBroadcaster(io, registry, config.broadcastIntervalMs)
  io.on('connection', (socket) => serveSocket(socket, { io, registry, logger, maxMessageBytes: config.maxMessageBytes }))
  io.engine.on('connection_error', (err: { message?: string }) => logger.warn({ reason: err.message }, 'connection refused'))

  let closing: Promise<void> | null = null
  return {
    httpServer,
    io,
    registry,
    articles,
    logger,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject)
          resolve((httpServer.address() as AddressInfo).port)
        })
      })
    },
    close() {
      closing ??= (async () => {
        stopBroadcaster()
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await registry.close()
        await storage.close()
      })()
      return closing
    },
  }
}
