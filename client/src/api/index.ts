export { ApiError, toApiError } from './apiError.ts'
export { apiRequest, arrayOf, isRecord } from './apiRequest.ts'
export type { ApiRequestInit } from './apiRequest.ts'
export { onSessionEnded, reportSessionEnded } from './sessionEnded.ts'
