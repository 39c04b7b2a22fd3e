import { createServer } from 'node:net'

/**
 * A loopback TCP port that was free a moment ago: the OS picks it for a listener on port 0, which we
 * close at once. A child server cannot report the port it bound, so the bench picks one for it.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('listening on port 0 gave no port'))
        return
      }
      server.close(() => resolve(address.port))
    })
  })
}
