import type { Logger } from 'pino'
import type { AuditEventType } from '../../shared/auth/index.ts'
import type { Storage } from '../storage/index.ts'

/** Writes security-relevant events to storage (readable by admins) and to the log; never throws. */
export class AuditLog {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  /** Records an event. `detail` must never hold a password or a token. */
  record(type: AuditEventType, who: { actorId?: string | null; articleId?: string | null }, detail: Record<string, unknown> = {}): void {
    const entry = { at: new Date().toISOString(), type, actorId: who.actorId ?? null, articleId: who.articleId ?? null, detail }
    this.logger.info({ audit: entry }, `audit: ${type}`)
    this.storage.appendAudit(entry).catch((err: unknown) => this.logger.error({ err, audit: entry }, 'could not store an audit entry'))
  }
}
