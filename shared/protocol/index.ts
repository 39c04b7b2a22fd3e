export { PROTOCOL_VERSION } from './version.ts'
export { ErrorCode, GalleyError, isErrorResponse } from './errorCodes.ts'
export type { ErrorBody, Response } from './errorCodes.ts'
export { Events } from './events.ts'
// CommandSchema (zod) is imported from './commands.ts' by the server only, so it stays out of the client bundle.
export type { Command, CommandResult, CommandType } from './commands.ts'
export type {
  AccessEvent,
  ClientToServerEvents,
  CommandAck,
  ErrorEvent,
  JoinAck,
  JoinResult,
  ServerToClientEvents,
  YAck,
} from './events.ts'
export {
  MessageType,
  SyncType,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './framing.ts'
export type { Frame } from './framing.ts'
export { ARTICLE_ID_PATTERN, DEFAULT_MAX_MESSAGE_BYTES, isArticleId } from './limits.ts'
export { MAX_DISPLAY_NAME_LENGTH, MAX_PRESENCE_STATE_BYTES, PRESENCE_COLORS, presenceStateProblem } from './presence.ts'
export type { AwarenessChanges, PresenceState, PresenceUser } from './presence.ts'
