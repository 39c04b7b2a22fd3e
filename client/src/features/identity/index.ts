export { NameDialog } from './NameDialog.tsx'
export {
  IDENTITY_STORAGE_KEY,
  displayNameProblem,
  normalizeDisplayName,
  parseIdentity,
  pickColor,
  serializeIdentity,
} from './identity.ts'
export type { Identity } from './identity.ts'
export { browserStorage, createIdentityStore } from './identityStore.ts'
export type { IdentityStore } from './identityStore.ts'
export { useIdentity } from './useIdentity.ts'
