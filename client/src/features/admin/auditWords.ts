import type { AuditEventType } from '../../../../shared/auth/index.ts'

/** Each audit event in words, for the log table. */
export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  'sign-up': 'Signed up',
  'user-created': 'User created',
  'token-created': 'Token created',
  'token-revoked': 'Token revoked',
  'invitation-created': 'Invitation created',
  'role-changed': 'Role changed',
  'member-removed': 'Member removed',
  'write-refused': 'Write refused',
  'status-changed': 'Status changed',
  'article-published': 'Article published',
  'socket-refused': 'Connection refused',
}

/** Events that mean something was refused: the log marks them. */
export const REFUSAL_EVENTS: ReadonlySet<AuditEventType> = new Set(['sign-in-failed', 'write-refused', 'socket-refused'])

/**
 * An entry's detail as `key: value` pairs of plain text (values as JSON when they are not strings),
 * keys in the order the server sent them. Never markup: the detail is data.
 */
export function auditDetailPairs(detail: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(detail).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)])
}
