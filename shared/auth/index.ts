export { Capability, ROLES, ROLE_LABELS, can, capabilitiesOf, isRole } from './roles.ts'
export type { Role } from './roles.ts'
export {
  AUDIT_EVENTS,
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MAX_USER_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
} from './accounts.ts'
export type {
  ApiTokenInfo,
  ArticleMember,
  AuditEntry,
  AuditEventType,
  DemoAccount,
  NewApiToken,
  NewInvitation,
  PublicUser,
  SignInRequest,
  SignInResult,
  SignUpRequest,
} from './accounts.ts'
