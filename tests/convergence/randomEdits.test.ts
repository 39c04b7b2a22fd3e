import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyPlainText, getBody } from '../../shared/article/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { ProtocolClient } from '../helpers/protocolClient.ts'
import { randomInt, seededRandom } from '../helpers/seededRandom.ts'
import { createArticle, startServer } from '../helpers/testServer.ts'

const CLIENTS = 5
const ROUNDS = Number(process.env.CONVERGENCE_ROUNDS ?? 400)
/** Seeds that once found a problem, or cover a corner, run every time; plus one fresh seed per run. */
const REGRESSION_SEEDS = [1, 7, 20261125]
const FRESH_SEED = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31))

const ALPHABET = 'abcdefghij klmnopqrstuvwxyz.,“”’é😀'

function randomText(rand: () => number): string {
  const chars = [...ALPHABET]
  let s = ''
  for (let i = 1 + randomInt(rand, 6); i > 0; i--) s += chars[randomInt(rand, chars.length)]
  return s
}

/**
 * A UTF-16 offset in `text` that does not split a surrogate pair. Editors never put a caret inside
 * one; Yjs replicas that split a pair from different sides disagree on the replacement characters
 * (seed 20261125 found that before this rule was added).
 */
function charBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset - 1)
  return offset > 0 && code >= 0xd800 && code <= 0xdbff ? offset - 1 : offset
}

/** One random edit on the body: insert or delete text, split in a new paragraph, or remove one. */
function randomEdit(doc: Y.Doc, rand: () => number): void {
  const body = getBody(doc)
  const r = rand()
  if (body.length === 0 || r < 0.1) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(randomText(rand))])
    body.insert(randomInt(rand, body.length + 1), [p])
    return
  }
  const index = randomInt(rand, body.length)
  const block = body.get(index)
  if (r < 0.13 && body.length > 1) {
    body.delete(index, 1)
    return
  }
  if (!(block instanceof Y.XmlElement)) return
  let text = block.get(0)
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText()
    block.insert(0, [text])
  }
  const t = text as Y.XmlText
  const s = (t.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
  const at = charBoundary(s, randomInt(rand, t.length + 1))
  const end = charBoundary(s, Math.min(t.length, at + 1 + randomInt(rand, 5)))
  if (r < 0.7 || t.length === 0) {
    t.insert(at, randomText(rand))
  } else if (r < 0.9) {
    if (end > at) t.delete(at, end - at)
  } else if (end > at) {
    t.format(at, end - at, { bold: rand() < 0.5 ? true : null })
  }
}

async function runConvergence(seed: number): Promise<void> {
  const rand = seededRandom(seed)
  const server = await startServer({ compactAfterUpdates: 40 })
  const id = await createArticle(server.url, { text: 'First paragraph.\n\nSecond paragraph.' })
  const docs = Array.from({ length: CLIENTS }, () => new Y.Doc())
  const clients: Array<ProtocolClient | null> = []
  for (const doc of docs) {
    const c = new ProtocolClient(server.url)
    await c.join(id, doc)
    await c.whenSynced(id)
    clients.push(c)
  }
  for (let round = 0; round < ROUNDS; round++) {
    const i = randomInt(rand, CLIENTS)
    const r = rand()
    if (r < 0.06 && clients[i]) {
      // Drop the connection: edits go on offline and merge on reconnect.
      clients[i]!.close()
      clients[i] = null
    } else if (r < 0.12 && !clients[i]) {
      const c = new ProtocolClient(server.url)
      await c.join(id, docs[i]!)
      clients[i] = c
    } else {
      randomEdit(docs[i]!, rand)
    }
    // Random delivery interleavings: sometimes yield to the network, sometimes batch many edits.
    if (rand() < 0.3) await new Promise((res) => setTimeout(res, randomInt(rand, 4)))
  }
  for (let i = 0; i < CLIENTS; i++) {
    if (!clients[i]) {
      const c = new ProtocolClient(server.url)
      await c.join(id, docs[i]!)
      clients[i] = c
    }
  }
  await Promise.all(clients.map((c) => c!.flush()))
  const live = server.app.registry.peek(id)!.doc
  await eventually(() => {
    const texts = docs.map((d) => bodyPlainText(d))
    for (const t of texts) expect(t).toBe(bodyPlainText(live))
    for (const d of docs) expect(Y.encodeStateVector(d)).toEqual(Y.encodeStateVector(live))
  }, 15_000)
  const merged = new Y.Doc()
  Y.applyUpdate(merged, Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d))))
  expect(bodyPlainText(merged)).toBe(bodyPlainText(live))
  // What was acked is what is stored: a restart serves the same document.
  const expected = bodyPlainText(live)
  for (const c of clients) c!.close()
  await server.close()
  const again = await startServer({ dataDir: server.config.dataDir })
  const reader = new ProtocolClient(again.url)
  await reader.join(id)
  await reader.whenSynced(id)
  expect(bodyPlainText(reader.doc(id))).toBe(expected)
}

describe('randomized convergence: 5 clients, random edits, disconnects and interleavings', () => {
  for (const seed of REGRESSION_SEEDS) {
    it(`converges with seed ${seed}`, () => runConvergence(seed))
  }
  it(`converges with a fresh seed (replay: SEED=${FRESH_SEED} npx vitest run --config tests/vitest.config.ts tests/convergence)`, async () => {
    console.log(`convergence seed ${FRESH_SEED}`)
    await runConvergence(FRESH_SEED)
  })
})
