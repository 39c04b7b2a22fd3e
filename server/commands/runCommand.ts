import { CommandSchema, ErrorCode, GalleyError, type CommandResult } from '../../shared/protocol/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { planThreadCommand, type CommandActor } from './threadCommands.ts'

/**
 * Validates a `command` payload and applies it to the live document with the server's origin
 * (docs/protocol.md P14). Resolves with the result once the change is durably stored.
 */
export async function runCommand(registry: DocumentRegistry, live: LiveDocument, actor: CommandActor, payload: unknown): Promise<CommandResult> {
  const parsed = CommandSchema.safeParse(payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new GalleyError(ErrorCode.badRequest, `command: ${where}${issue?.message ?? 'invalid'}`)
  }
  const write = planThreadCommand(live.doc, actor, parsed.data)
  let result: CommandResult = {}
  await registry.applyServerChange(live, 'command', (doc) => {
    result = write(doc)
  })
  return result
}
