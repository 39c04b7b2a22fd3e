import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_MAX_MESSAGE_BYTES } from '../shared/protocol/index.ts'

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

/** Every setting Galley reads from the environment, with defaults and bounds. */
const ConfigSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: int(64 * 1024, 256 * 1024 * 1024).default(DEFAULT_MAX_MESSAGE_BYTES),
  IDLE_UNLOAD_MS: int(0, 24 * 3600 * 1000).default(30_000),
  COMPACT_AFTER_UPDATES: int(1, 10_000_000).default(1000),
  COMPACT_AFTER_BYTES: int(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  BROADCAST_INTERVAL_MS: int(0, 1000).default(10),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  SEED_SAMPLE: flag.default(true),
  CLIENT_DIST: z.string().min(1).optional(),
  GALLEY_DEMO: flag.default(true),
  ALLOWED_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o !== ''))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)))
    .optional(),
  SESSION_TTL_HOURS: int(1, 24 * 365).default(24 * 7),
  MAX_CONNECTIONS_PER_USER: int(1, 100_000).default(20),
  SOCKET_MESSAGES_PER_10S: int(10, 10_000_000).default(1000),
  SIGNIN_FAILURES_PER_IP: int(1, 1_000_000).default(100),
  SIGNIN_FAILURES_PER_EMAIL: int(1, 1_000_000).default(10),
  NINJS_URI_BASE: z.string().regex(/^[a-z][a-z0-9+.-]*:\S*$/i, 'expected the start of a URI, e.g. https://news.example/articles/').default('urn:galley:article:'),
  NEWSROOM_LANGUAGE: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag, e.g. en or en-GB').default('en'),
  COPYRIGHT_NOTICE: z.string().max(1000).default(''),
  USAGE_TERMS: z.string().max(1000).default(''),
  TRUST_INDICATORS: z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON' })
        return z.NEVER
      }
    })
    .pipe(z.array(z.strictObject({ role: z.url(), title: z.string(), href: z.url() })))
    .optional(),
  PUBLISH_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  PUBLISH_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
})

/** The names of every environment variable Galley reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape)

/** Galley's validated configuration. */
export interface Config {
  port: number
  host: string | undefined
  dataDir: string
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL']
  maxMessageBytes: number
  idleUnloadMs: number
  compactAfterUpdates: number
  compactAfterBytes: number
  /** Least time between two broadcasts: updates arriving meanwhile are merged into one. */
  broadcastIntervalMs: number
  sqliteSynchronous: 'normal' | 'full'
  seedSample: boolean
  /** The built client to serve, or undefined for an API-only server (tests, `npm run dev`). */
  clientDist: string | undefined
  /** Demo mode: on an empty DATA_DIR, create the demo newsroom; serve its accounts to the sign-in page. */
  demo: boolean
  /** Origins allowed to open sockets and send cookie-authenticated writes; empty = the server's own origin. */
  allowedOrigins: string[]
  sessionTtlMs: number
  maxConnectionsPerUser: number
  /** `y` and `command` messages one socket may send per 10 s. */
  socketMessagesPer10s: number
  /** Failed sign-ins per client address and per email, per 15 minutes. */
  signInFailuresPerIp: number
  signInFailuresPerEmail: number
  /** Published documents' `uri` is this plus the article id (docs/publishing.md). */
  ninjsUriBase: string
  newsroomLanguage: string
  copyrightNotice: string
  usageTerms: string
  trustIndicators: Array<{ role: string; title: string; href: string }>
  /** Where to POST a signed notice of each publication, if anywhere. */
  publishWebhook: { url: string; secret: string } | null
}

/** Thrown for a bad environment; its message names every bad variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ConfigSchema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '?')
      return `  ${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`
    })
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  const c = parsed.data
  if (c.PUBLISH_WEBHOOK_URL && !c.PUBLISH_WEBHOOK_SECRET) {
    throw new ConfigError('invalid configuration:\n  PUBLISH_WEBHOOK_SECRET="": required when PUBLISH_WEBHOOK_URL is set (the webhook is signed with it)')
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR === ':memory:' ? c.DATA_DIR : path.resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    idleUnloadMs: c.IDLE_UNLOAD_MS,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    compactAfterBytes: c.COMPACT_AFTER_BYTES,
    broadcastIntervalMs: c.BROADCAST_INTERVAL_MS,
    sqliteSynchronous: c.SQLITE_SYNCHRONOUS,
    seedSample: c.SEED_SAMPLE,
    clientDist: c.CLIENT_DIST ? path.resolve(c.CLIENT_DIST) : undefined,
    demo: c.GALLEY_DEMO,
    allowedOrigins: c.ALLOWED_ORIGINS ?? [],
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600 * 1000,
    maxConnectionsPerUser: c.MAX_CONNECTIONS_PER_USER,
    socketMessagesPer10s: c.SOCKET_MESSAGES_PER_10S,
    signInFailuresPerIp: c.SIGNIN_FAILURES_PER_IP,
    signInFailuresPerEmail: c.SIGNIN_FAILURES_PER_EMAIL,
    ninjsUriBase: c.NINJS_URI_BASE,
    newsroomLanguage: c.NEWSROOM_LANGUAGE,
    copyrightNotice: c.COPYRIGHT_NOTICE,
    usageTerms: c.USAGE_TERMS,
    trustIndicators: c.TRUST_INDICATORS ?? [],
    publishWebhook: c.PUBLISH_WEBHOOK_URL ? { url: c.PUBLISH_WEBHOOK_URL, secret: c.PUBLISH_WEBHOOK_SECRET ?? '' } : null,
  }
}
