import { pino, type Logger } from 'pino'

/** Galley's structured logger (JSON lines on stdout). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'galley' } })
}
