export { AccessBanner } from './AccessBanner.tsx'
export { accessNotice } from './accessNotice.ts'
export type { AccessNotice } from './accessNotice.ts'
