import { Router, json } from 'express'
import { z } from 'zod'
import { COMMENT_MARK, MAX_MESSAGE_CHARS, MAX_QUOTE_CHARS, THREAD_STATES, markedSpans, readThreads } from '../../shared/article/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError, type Command } from '../../shared/protocol/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { Principal } from '../accounts/principal.ts'
import { applyCommand } from '../commands/runCommand.ts'
import type { CommandActor } from '../commands/commandActor.ts'
import { createThread } from '../commands/threadCommands.ts'
import { findQuoteInBody } from '../documents/bodyMarks.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import { principalOf } from './authenticate.ts'
import { parseBody } from './parseBody.ts'

const messageBody = z.string().max(MAX_MESSAGE_CHARS).refine((s) => s.trim() !== '', 'a message may not be empty')
const NewThreadBody = z.strictObject({
  body: messageBody,
  anchor: z.strictObject({ quote: z.string().min(1).max(MAX_QUOTE_CHARS), occurrence: z.number().int().min(1).optional() }),
})
const NewMessageBody = z.strictObject({ body: messageBody })
const PatchThreadBody = z.strictObject({ state: z.enum(THREAD_STATES) })

/**
 * `/api/articles/:id/threads`, for scripts and review bots (docs/comments.md): list threads with the
 * text their anchor covers now, open one on a quoted span, reply, resolve or reopen. The same rules
 * as the socket's commands (P14), applied by the server with its own origin.
 */
export function threadsRoutes(access: AccessService, registry: DocumentRegistry): Router {
  const router = Router({ mergeParams: true })
  router.use(json({ limit: '64kb' }))
  const articleIdOf = (params: unknown) => (params as { id: string }).id

  async function actorFor(principal: Principal, articleId: string, capability: Capability): Promise<CommandActor> {
    const role = await access.require(principal, articleId, capability)
    return { author: { id: principal.user.id, name: principal.user.name }, role }
  }

  async function run(principal: Principal, articleId: string, command: Exclude<Command, { type: 'thread.create' }>) {
    const actor = await actorFor(principal, articleId, Capability.comment)
    return registry.withDocument(articleId, (live) => applyCommand(registry, live, actor, command))
  }

  router.get('/', async (req, res) => {
    const articleId = articleIdOf(req.params)
    await access.require(principalOf(res), articleId, Capability.read)
    res.json(
      await registry.withDocument(articleId, (live) => {
        const anchors = markedSpans(live.doc, COMMENT_MARK, 'threadId')
        return readThreads(live.doc).map((thread) => ({
          ...thread,
          anchorText: anchors.get(thread.id) ?? null,
          orphaned: !anchors.has(thread.id),
        }))
      }),
    )
  })

  router.post('/', async (req, res) => {
    const articleId = articleIdOf(req.params)
    const body = parseBody(NewThreadBody, req.body)
    const actor = await actorFor(principalOf(res), articleId, Capability.comment)
    const result = await registry.withDocument(articleId, async (live) => {
      let created = {}
      await registry.applyServerChange(live, 'command', (doc) => {
        const range = findQuoteInBody(doc, body.anchor.quote, body.anchor.occurrence)
        if (!range) throw new GalleyError(ErrorCode.notFound, 'the quoted text is not in the article (or not that many times)')
        created = createThread(doc, actor, range, body.body)
      })
      return created
    })
    res.status(201).json(result)
  })

  router.post('/:threadId/messages', async (req, res) => {
    const body = parseBody(NewMessageBody, req.body)
    const threadId = (req.params as { threadId: string }).threadId
    res.status(201).json(await run(principalOf(res), articleIdOf(req.params), { type: 'thread.reply', threadId, body: body.body }))
  })

  router.patch('/:threadId', async (req, res) => {
    const body = parseBody(PatchThreadBody, req.body)
    const threadId = (req.params as { threadId: string }).threadId
    res.json(await run(principalOf(res), articleIdOf(req.params), { type: 'thread.setState', threadId, state: body.state }))
  })

  return router
}
