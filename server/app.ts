import express from 'express'
import helmet from 'helmet'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { Server } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/index.ts'
import { AccessService } from './access/accessService.ts'
import { AccountService } from './accounts/accountService.ts'
import { AuditLog } from './accounts/auditLog.ts'
import { DEMO_ACCOUNTS, createDemoNewsroom } from './accounts/demoNewsroom.ts'
import { ArticleService } from './articles/articleService.ts'
import type { Config } from './config.ts'
import { DocumentRegistry } from './documents/documentRegistry.ts'
import { startFactRecheck } from './documents/factRecheck.ts'
import { adminRoutes } from './http/adminRoutes.ts'
import { articlesRoutes } from './http/articlesRoutes.ts'
import { authRoutes } from './http/authRoutes.ts'
import { authenticate } from './http/authenticate.ts'
import { crossOriginWriteGuard } from './http/crossOriginWriteGuard.ts'
import { factsRoutes } from './http/factsRoutes.ts'
import { healthRoutes } from './http/healthRoutes.ts'
import { apiNotFound, jsonErrorHandler } from './http/httpErrors.ts'
import { membersRoutes } from './http/membersRoutes.ts'
import { publishingRoutes } from './http/publishingRoutes.ts'
import { SignInLimiter } from './http/signInLimiter.ts'
import { staticClient } from './http/staticClient.ts'
import { suggestionsRoutes } from './http/suggestionsRoutes.ts'
import { threadsRoutes } from './http/threadsRoutes.ts'
import { createLogger } from './logger.ts'
import { createNinjsValidator } from './publish/ninjsValidator.ts'
import { PublishService } from './publish/publishService.ts'
import { ConnectionTracker } from './realtime/connections.ts'
import { authenticateHandshake, originAllowed } from './realtime/handshake.ts'
import { FrameFanoutAdapter } from './realtime/frameFanoutAdapter.ts'
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
  accounts: AccountService
  access: AccessService
  publishing: PublishService
  storage: Storage
  logger: Logger
  /** Starts listening on config.port (0 = ephemeral) and resolves with the bound port. */
  listen(): Promise<number>
  /** Stops accepting connections, flushes every document and closes storage. */
  close(): Promise<void>
}

/** The storage and document registry a configuration asks for (also used by the in-process bench, B4). */
export function createDocumentLayer(config: Config, logger: Logger, storage?: Storage): { storage: Storage; registry: DocumentRegistry } {
  const store = storage ?? createSqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous })
  const registry = new DocumentRegistry({
    storage: store,
    logger,
    idleUnloadMs: config.idleUnloadMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
    summaryDelayMs: SUMMARY_DELAY_MS,
  })
  return { storage: store, registry }
}

/** Builds a Galley server from its dependencies. No side effects until listen(), except the first-run seed. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config } = deps
  const logger = deps.logger ?? createLogger(config.logLevel)
  const { storage, registry } = createDocumentLayer(config, logger, deps.storage)
  const articles = new ArticleService(storage, registry)
  const audit = new AuditLog(storage, logger)
  const accounts = new AccountService(storage, audit, { sessionTtlMs: config.sessionTtlMs })
  const access = new AccessService(storage, audit)
  access.events.setMaxListeners(0)
  const publishing = new PublishService({ storage, registry, access, audit, validator: createNinjsValidator(), logger, config })

  const firstRun = (await storage.countUsers()) === 0 && (await storage.listArticles()).length === 0
  const seeded: string[] = []
  if (config.seedSample && firstRun) {
    seeded.push(await articles.create({ text: readSampleArticle() }))
    logger.info({ articleId: seeded[0] }, 'first run: created the sample article')
  }
  if (config.demo && firstRun) {
    await createDemoNewsroom(accounts, storage, seeded)
    logger.info('first run: created the demo newsroom (GALLEY_DEMO=0 turns demo mode off)')
  } else if ((await storage.countUsers()) === 0) {
    logger.warn('no accounts yet: create the first admin with `npm run galley -- user add --admin --email … --name …`')
  }

  const web = express()
  web.disable('x-powered-by')
  web.set('trust proxy', 'loopback')
  web.use(
    helmet({
      // The editor's carets and selections are positioned with inline style attributes.
      contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  )
  web.use(healthRoutes(registry))
  web.use('/api', authenticate(accounts), crossOriginWriteGuard(config.allowedOrigins))
  web.use(
    '/api/auth',
    authRoutes({
      accounts,
      limiter: new SignInLimiter({
        failuresPerIp: config.signInFailuresPerIp,
        failuresPerEmail: config.signInFailuresPerEmail,
        windowSeconds: 15 * 60,
      }),
      demoAccounts: config.demo ? [...DEMO_ACCOUNTS] : null,
    }),
  )
  web.use('/api/articles/:id/members', membersRoutes(access))
  web.use('/api/articles/:id/suggestions', suggestionsRoutes(access, registry))
  web.use('/api/articles/:id/threads', threadsRoutes(access, registry))
  web.use('/api/articles/:id/facts', factsRoutes(access, registry))
  web.use('/api/articles/:id', publishingRoutes(publishing))
  web.use('/api/articles', articlesRoutes(articles, access))
  web.use('/api', adminRoutes(accounts, storage))
  web.use('/api', apiNotFound)
  if (config.clientDist) web.use(staticClient(config.clientDist))
  web.use(jsonErrorHandler(logger))

  const httpServer = createServer(web)
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    maxHttpBufferSize: config.maxMessageBytes + TRANSPORT_OVERHEAD_BYTES,
    serveClient: false,
    adapter: FrameFanoutAdapter,
    // Connection-state recovery stays off: every reconnection goes through authentication (A3).
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, config.allowedOrigins)
      if (!ok) audit.record('socket-refused', {}, { reason: 'origin not allowed', origin: req.headers.origin })
      callback(ok ? null : 'origin not allowed', ok)
    },
  })
  const connections = new ConnectionTracker()
  accounts.events.on('sessionRevoked', (sessionId) => connections.disconnectSession(sessionId))
  io.use(authenticateHandshake({ accounts, connections, audit, logger, maxConnectionsPerUser: config.maxConnectionsPerUser }))
  const messageLimiter = new RateLimiterMemory({ points: config.socketMessagesPer10s, duration: 10 })
  const broadcaster = startUpdateBroadcaster(io, registry, logger, config.broadcastIntervalMs)
  const stopRecheck = startFactRecheck(registry, logger)
  io.on('connection', (socket) =>
    serveSocket(socket, { io, registry, access, audit, logger, maxMessageBytes: config.maxMessageBytes, messageLimiter, broadcaster }),
  )
  io.engine.on('connection_error', (err: { message?: string }) => logger.warn({ reason: err.message }, 'connection refused'))

  let closing: Promise<void> | null = null
  return {
    httpServer,
    io,
    registry,
    articles,
    accounts,
    access,
    publishing,
    storage,
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
        broadcaster.stop()
        stopRecheck()
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await registry.close()
        await storage.close()
      })()
      return closing
    },
  }
}
