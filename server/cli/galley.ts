import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { GalleyError } from '../../shared/protocol/index.ts'
import { AccountService } from '../accounts/accountService.ts'
import { AuditLog } from '../accounts/auditLog.ts'
import { ConfigError, loadConfig } from '../config.ts'
import { createLogger } from '../logger.ts'
import { createSqliteStorage } from '../storage/index.ts'

const USAGE = `usage: npm run galley -- <command> [options]

  user add --email <email> --name <name> [--password <password>] [--admin]
      Creates an account. Without --password a strong one is generated and printed once.
      The first admin of a newsroom without demo mode (GALLEY_DEMO=0) is created this way.
  user list
      Lists the accounts.
  token create --email <email> --name <token name> [--days <n>]
      Creates an API token for scripts and CI (printed once; default 90 days).
  publish <articleId> [--out <file>] [--note <correction note>] [--profile galley|ninjs]
      Publishes the next version through a running server's API (the gate applies) and writes
      its JSON to <file> or stdout. Needs GALLEY_URL (default http://localhost:3000) and
      GALLEY_TOKEN (an API token of a user who may publish the article). The article id comes
      first and is taken as typed, even when it starts with -.

The user and token commands read DATA_DIR like the server (default ./data); safe to run while the server runs.`

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  admin: { type: 'boolean', default: false },
  days: { type: 'string' },
  out: { type: 'string' },
  note: { type: 'string' },
  profile: { type: 'string', default: 'galley' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

function parseOptions(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: OPTIONS })
}

/** `npm run galley -- …`: account administration from the command line. Exit codes: 0 ok, 1 refused, 2 usage. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'publish' && argv[1] !== undefined && argv[1] !== '-h' && argv[1] !== '--help') return publishCommand(argv.slice(1))
  const { values, positionals } = parseOptions(argv)
  const command = positionals.join(' ')
  if (values.help || command === '') {
    console.log(USAGE)
    return values.help ? 0 : 2
  }
  if (positionals[0] === 'publish') throw new UsageError('publish needs an article id')
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' })
  const logger = createLogger(config.logLevel)
  const storage = createSqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous })
  const accounts = new AccountService(storage, new AuditLog(storage, logger), { sessionTtlMs: config.sessionTtlMs })
  try {
    switch (command) {
      case 'user add': {
        if (!values.email || !values.name) throw new UsageError('user add needs --email and --name')
        const password = values.password ?? randomBytes(15).toString('base64url')
        const user = await accounts.createUser({ email: values.email, name: values.name, password, isAdmin: values.admin }, null)
        console.log(`created ${user.isAdmin ? 'admin ' : ''}${user.name} <${user.email}> (id ${user.id})`)
        if (!values.password) console.log(`password (shown once): ${password}`)
        return 0
      }
      case 'user list': {
        for (const user of await accounts.listUsers()) console.log(`${user.id}  ${user.email}  ${user.name}${user.isAdmin ? '  (admin)' : ''}`)
        return 0
      }
      case 'token create': {
        if (!values.email || !values.name) throw new UsageError('token create needs --email and --name')
        const user = await storage.getUserByEmail(values.email.trim().toLowerCase())
        if (!user) throw new GalleyError('not-found', `no account ${values.email}`)
        const days = values.days === undefined ? undefined : Number(values.days)
        if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new UsageError('--days must be a whole number of days')
        const principal = { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, sessionId: '', kind: 'session' as const, expiresAt: '' }
        const token = await accounts.createApiToken(principal, values.name, days)
        console.log(`token ${token.name} for ${user.email}, expires ${token.expiresAt} (shown once):\n${token.token}`)
        return 0
      }
      default:
        throw new UsageError(`unknown command: ${command}`)
    }
  } finally {
    await storage.close()
  }
}

class UsageError extends Error {}

/**
 * `publish <articleId> [options]`: the word after `publish` is the article id as typed, even when it
 * starts with "-" (a base64url id does, one time in 64), so it is taken before the options are
 * parsed. `publish -- <articleId>` works too.
 */
function publishCommand(args: string[]): Promise<number> {
  const [first, ...rest] = args[0] === '--' ? args.slice(1) : args
  if (first === undefined) throw new UsageError('publish needs an article id')
  const option = /^--?([^=]+)/.exec(first)?.[1]
  if (option !== undefined && Object.hasOwn(OPTIONS, option)) throw new UsageError('the article id comes first: publish <articleId> [options]')
  const { values, positionals } = parseOptions(rest)
  if (positionals.length > 0) throw new UsageError(`publish takes one article id; also given: ${positionals.join(' ')}`)
  return publish(first, values)
}

/** `publish`: POST /publish, then GET the version's JSON; a refused gate prints every item. Exit 1 when refused. */
async function publish(articleId: string, values: { out?: string; note?: string; profile?: string }): Promise<number> {
  if (values.profile !== 'galley' && values.profile !== 'ninjs') throw new UsageError('--profile is galley or ninjs')
  const base = (process.env.GALLEY_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  const token = process.env.GALLEY_TOKEN
  if (!token) throw new UsageError('set GALLEY_TOKEN to an API token (Account page, or `npm run galley -- token create`)')
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const article = `${base}/api/articles/${encodeURIComponent(articleId)}`
  const res = await fetch(`${article}/publish`, { method: 'POST', headers, body: JSON.stringify(values.note ? { note: values.note } : {}) })
  const body = (await res.json()) as { version?: number; error?: { code: string; message: string }; gate?: Array<{ id: string; label: string; ok: boolean }> }
  if (!res.ok || body.version === undefined) {
    console.error(`galley: not published: ${body.error?.code ?? res.status}: ${body.error?.message ?? ''}`)
    for (const item of body.gate ?? []) console.error(`  ${item.ok ? '✓' : '✗'} ${item.label} [${item.id}]`)
    return 1
  }
  const json = await fetch(`${article}/published/${body.version}?profile=${values.profile}`, { headers })
  if (!json.ok) throw new Error(`published version ${body.version}, but reading it failed: ${json.status}`)
  const bytes = await json.text()
  if (values.out) {
    await writeFile(values.out, bytes)
    console.error(`published version ${body.version} of ${articleId}; wrote ${values.out}`)
  } else {
    process.stdout.write(bytes)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`galley: ${(err as Error).message}\n\n${USAGE}`)
      process.exit(2)
    }
    if (err instanceof GalleyError || err instanceof ConfigError) {
      console.error(`galley: ${err.message}`)
      process.exit(1)
    }
    console.error(err)
    process.exit(1)
  },
)
