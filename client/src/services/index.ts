export { AppServicesContext, useAppServices } from './appServices.ts'
export type { AppServices } from './appServices.ts'
