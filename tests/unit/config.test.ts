import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'

describe('configuration from the environment', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, maxMessageBytes: 2 * 1024 * 1024, seedSample: true, sqliteSynchronous: 'normal' })
  })

  it('reads values and flags', () => {
    expect(loadConfig({ PORT: '8080', SEED_SAMPLE: 'off', MAX_MESSAGE_BYTES: '5000000' })).toMatchObject({
      port: 8080,
      seedSample: false,
      maxMessageBytes: 5_000_000,
    })
  })

  it('names every bad variable and what it accepts', () => {
    let err: unknown
    try {
      loadConfig({ PORT: 'eighty', MAX_MESSAGE_BYTES: '10', SQLITE_SYNCHRONOUS: 'sometimes' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    const message = (err as Error).message
    expect(message).toMatch(/PORT="eighty"/)
    expect(message).toMatch(/MAX_MESSAGE_BYTES="10"/)
    expect(message).toMatch(/SQLITE_SYNCHRONOUS="sometimes"/)
  })
})
