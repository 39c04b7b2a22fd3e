import { createApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'

/** Starts Galley from the environment: config → createApp() → listen. */
async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`galley: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
  const app = await createApp({ config })
  const port = await app.listen()
  app.logger.info({ port, dataDir: config.dataDir }, `Galley is running at http://localhost:${port}`)
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  process.on('unhandledRejection', (err) => app.logger.error({ err }, 'unhandled rejection'))
}

await main()
