import { CommandSchema } from '../../shared/protocol/commands.ts'
import type { Command, CommandResult } from '../../shared/protocol/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { parseOrBadRequest } from '../validation.ts'
import type { CommandActor } from './commandActor.ts'
import { planFactCommand, type FactCommand } from './factCommands.ts'
import { planThreadCommand } from './threadCommands.ts'

/**
 * Applies a validated command to the live document with the server's origin (docs/protocol.md P14):
 * everything is checked first, then written in one transaction. Resolves with the result once the
 * change is durably stored.
 */
export async function applyCommand(registry: DocumentRegistry, live: LiveDocument, actor: CommandActor, command: Command): Promise<CommandResult> {
  const write = isFactCommand(command) ? planFactCommand(live.doc, actor, command) : planThreadCommand(live.doc, actor, command)
  let result: CommandResult = {}
  await registry.applyServerChange(live, 'command', (doc) => {
    result = write(doc)
  })
  return result
}

/** Validates a `command` payload from a socket (`bad-request` naming the problem) and applies it. */
export function runCommand(registry: DocumentRegistry, live: LiveDocument, actor: CommandActor, payload: unknown): Promise<CommandResult> {
  return applyCommand(registry, live, actor, parseOrBadRequest(CommandSchema, payload, 'command'))
}

function isFactCommand(command: Command): command is FactCommand {
  return command.type.startsWith('fact.') || command.type.startsWith('suggestion.')
}

