import { randomBytes } from 'node:crypto'
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

Reads DATA_DIR like the server (default ./data); safe to run while the server runs.`

/** `npm run galley -- …`: account administration from the command line. Exit codes: 0 ok, 1 refused, 2 usage. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean', default: false },
      days: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const command = positionals.join(' ')
  if (values.help || command === '') {
    console.log(USAGE)
    return values.help ? 0 : 2
  }
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
