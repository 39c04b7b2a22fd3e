import { CommandSchema, type CommandResult } from '../../shared/protocol/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { parseOrBadRequest } from '../validation.ts'
import { planThreadCommand, type CommandActor } from './threadCommands.ts'

/**
 * Validates a `command` payload and applies it to the live document with the server's origin
 * (docs/protocol.md P14). Resolves with the result once the change is durably stored.
 */
export async function runCommand(registry: DocumentRegistry, live: LiveDocument, actor: CommandActor, payload: unknown): Promise<CommandResult> {
  const command = parseOrBadRequest(CommandSchema, payload, 'command')
  const write = planThreadCommand(live.doc, actor, command)
  let result: CommandResult = {}
  await registry.applyServerChange(live, 'command', (doc) => {
    result = write(doc)
  })
  return result
}
