import { GalleyConnection } from '../../../client/src/collab/index.ts'
import { nowMs } from '../harness/clock.ts'
import { encodedStateBytes } from '../trace/replayTrace.ts'

/** How long a fresh client took to have the whole article. */
export interface FreshLoad {
  ms: number
  /** Size of the loaded document's state (Y.encodeStateAsUpdate), in bytes. */
  stateBytes: number
}

/**
 * Times what a newly opened editor goes through, with the product's own provider (GalleyConnection,
 * its own socket): connect, join, sync, until the root text `root` equals `expected`.
 */
export async function timeFreshLoad(url: string, token: string, articleId: string, root: string, expected: string, timeoutMs = 120_000): Promise<FreshLoad> {
  const started = nowMs()
  const connection = new GalleyConnection(url, { forceNew: true, reconnection: false, auth: { token } })
  try {
    const session = connection.open(articleId)
    const text = session.doc.getText(root)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a fresh client did not load ${articleId} within ${timeoutMs} ms`)), timeoutMs)
      const check = () => {
        if (text.length === expected.length && text.toString() === expected) {
          clearTimeout(timer)
          session.doc.off('update', check)
          resolve()
        }
      }
      session.doc.on('update', check)
    })
    return { ms: nowMs() - started, stateBytes: encodedStateBytes(session.doc) }
  } finally {
    connection.destroy()
  }
}
