import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import * as Y from 'yjs'
import { createDocumentLayer } from '../../../server/app.ts'
import { ArticleService } from '../../../server/articles/articleService.ts'
import { loadConfig } from '../../../server/config.ts'
import { startFactRecheck } from '../../../server/documents/factRecheck.ts'
import { clientOrigin } from '../../../server/documents/origins.ts'
import { allocatedBytes } from '../harness/allocation.ts'
import { formatNumber, markdownTable } from '../harness/table.ts'
import { seedArticleText } from '../workload/seedArticle.ts'
import { StampedEditor, bodyTextNodes } from '../workload/stampedEdits.ts'
import type { Scenario } from './scenario.ts'

export interface B4Options {
  /** Clients whose edits are interleaved (each has its own Yjs client id, as in B1). */
  clients: number
  edits: number
}

interface Measured {
  cpuMsPerEdit: number
  wallMsPerEdit: number
}

interface Allocated {
  /** JavaScript heap allocated per edit (allocatedBytes), measured in a round of its own. */
  kbAllocatedPerEdit: number
}

/** One client's update, as B1's clients send them. */
interface Edit {
  update: Uint8Array
  client: number
}

/** Edits in the allocation round (at most): enough for a stable figure, few enough to make quickly. */
const ALLOCATION_EDITS = 2000

/**
 * B4: what one edit costs the server's document layer alone, in this process, without sockets: the
 * B1 workload's updates (made beforehand by `clients` editors taking turns) applied one per
 * event-loop turn through the registry, as a `y` handler does (authorship, the update guard's shadow
 * apply, the live apply and its observers, the SQLite append and group commit; each resolves when
 * durable, when the ack could go out), and, for scale, applied to a plain Y.Doc as the reference
 * server does. What B1 costs per edit beyond this is transport: Socket.IO, acks, the fan-out.
 */
export function b4DocumentPath(options: B4Options): Scenario {
  return {
    id: 'B4',
    title: `B4 document work per edit, in process (${formatNumber(options.edits)} edits by ${options.clients} clients)`,
    async run(context) {
      const logger = pino({ level: 'warn' })
      // The server's defaults (server/config.ts), as in B1.
      const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(context.tempDir, 'B4-')) })
      const { storage, registry } = createDocumentLayer(config, logger)
      const stopRecheck = startFactRecheck(registry, logger)
      try {
        const id = await new ArticleService(storage, registry).create({ text: seedArticleText() })
        const live = await registry.acquire(id, 'bench')
        const edits = makeEdits(Y.encodeStateAsUpdate(live.doc), options, context.seed)
        let plainDoc = new Y.Doc()
        Y.applyUpdate(plainDoc, Y.encodeStateAsUpdate(live.doc))
        const applyPlain = async ({ update }: Edit) => {
          Y.applyUpdate(plainDoc, update)
        }
        const applyGalley = ({ update, client }: Edit) => registry.applyClientUpdate(live, update, clientOrigin(`socket-${client}`, `user-${client}`))
        const plain = await measure(edits, applyPlain)
        const galley = await measure(edits, applyGalley)
        // Allocation in a round of its own, so that the profiler costs the CPU figures nothing: more
        // edits on top of the first ones, applied to the live document and to a plain copy of it.
        const state = Y.encodeStateAsUpdate(live.doc)
        plainDoc = new Y.Doc()
        Y.applyUpdate(plainDoc, state)
        const more = makeEdits(state, { ...options, edits: Math.min(options.edits, ALLOCATION_EDITS) }, context.seed + 1)
        const plainKb = (await allocatedBytes(() => runEdits(more, applyPlain))) / more.length / 1024
        const galleyKb = (await allocatedBytes(() => runEdits(more, applyGalley))) / more.length / 1024
        registry.release(id, 'bench')
        return report({ ...plain, kbAllocatedPerEdit: plainKb }, { ...galley, kbAllocatedPerEdit: galleyKb })
      } finally {
        stopRecheck()
        await registry.close()
        await storage.close()
      }
    },
  }
}

/** The updates of `edits` B1 edits, clients taking turns, each client having seen all earlier edits. */
function makeEdits(seed: Uint8Array, options: B4Options, rngSeed: number): Edit[] {
  const editors = Array.from({ length: options.clients }, (_, client) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, seed)
    return { doc, editor: new StampedEditor(doc, client, rngSeed) }
  })
  const edits: Edit[] = []
  for (let i = 0; i < options.edits; i++) {
    const client = i % options.clients
    const { doc, editor } = editors[client]!
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    doc.on('update', collect)
    editor.edit(bodyTextNodes(doc))
    doc.off('update', collect)
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    edits.push({ update, client })
    for (const other of editors) if (other.doc !== doc) Y.applyUpdate(other.doc, update)
  }
  for (const { doc } of editors) doc.destroy()
  return edits
}

/** Applies the edits one per event-loop turn, as updates from separate sockets arrive. */
async function runEdits(edits: readonly Edit[], apply: (edit: Edit) => Promise<void>): Promise<void> {
  for (const edit of edits) {
    await apply(edit)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** CPU and wall time per edit. */
async function measure(edits: readonly Edit[], apply: (edit: Edit) => Promise<void>): Promise<Measured> {
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  await runEdits(edits, apply)
  const cpu = process.cpuUsage(cpuBefore)
  return { cpuMsPerEdit: (cpu.user + cpu.system) / 1000 / edits.length, wallMsPerEdit: (performance.now() - wallBefore) / edits.length }
}

function report(plain: Measured & Allocated, galley: Measured & Allocated): string {
  const row = (label: string, m: Measured & Allocated) => [
    label,
    formatNumber(m.cpuMsPerEdit, 3),
    formatNumber(m.wallMsPerEdit, 3),
    formatNumber(m.kbAllocatedPerEdit, 1),
  ]
  return markdownTable(
    ['path', 'CPU ms per edit (all threads)', 'wall ms per edit', 'KB allocated per edit (garbage included)'],
    [row('Y.applyUpdate on a plain Y.Doc (what the reference does)', plain), row('Galley: registry.applyClientUpdate until durable', galley)],
  )
}
