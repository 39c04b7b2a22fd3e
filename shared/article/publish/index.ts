export { PUBLISHED_HTML_POLICY, bodyHtml, sanitizePublishedHtml } from './bodyHtml.ts'
export { MAX_OVERRIDE_REASON_CHARS, OVERRIDABLE_ITEM_ID, gatePasses, publishGate } from './publishGate.ts'
export type { GateItem } from './publishGate.ts'
export {
  GALLEY_SCHEMA_ID,
  NINJS_SCHEMA_ID,
  VERIFICATION_STATUS_VOCABULARY,
  publishedFactChecks,
  serializeNinjs,
  toNinjs,
} from './toNinjs.ts'
export type { NinjsProfile, PublicationInfo, PublishedFactCheck, TrustIndicator } from './toNinjs.ts'
