import { spawn } from 'node:child_process'
import { createServer } from 'vite'
import path from 'node:path'
import { ROOT } from './buildClient.ts'

// `npm run dev`: the API server (restarted on change by tsx watch) beside Vite's dev server with
// hot reload, which proxies /api and /socket.io to it.
const port = process.env.PORT ?? '3000'
const server = spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/index.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
})
const vite = await createServer({ configFile: path.join(ROOT, 'client/vite.config.ts') })
await vite.listen()
vite.printUrls()
const stop = () => {
  server.kill('SIGTERM')
  void vite.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
server.once('exit', (code) => {
  console.error(`galley: the API server exited (${code ?? 'signal'})`)
  void vite.close().then(() => process.exit(code ?? 1))
})
