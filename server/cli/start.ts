import { buildClientIfNeeded, CLIENT_DIST } from './buildClient.ts'

// `npm start`: build the client if its sources changed, then serve it with the API.
buildClientIfNeeded()
process.env.CLIENT_DIST ??= CLIENT_DIST
await import('../index.ts')
