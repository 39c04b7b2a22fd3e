import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { NinjsProfile } from '../../shared/article/publish/index.ts'

/** Where the schemas live: IPTC's ninjs 3.1 and its GeoJSON schema as published, and Galley's extension. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../docs/schemas')

/** A validator for published documents, one per profile. Nothing is fetched: every schema is local. */
export interface NinjsValidator {
  /** The problems of a document against its profile's schema (empty when it is valid). */
  problems(profile: NinjsProfile, document: unknown): string[]
}

const readJson = (file: string) => JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>

/**
 * Compiles IPTC's ninjs 3.1 schema (with GeoJSON registered) and the Galley extension with ajv
 * (draft 2020-12), on first use: compiling takes most of a second, which a server that never
 * publishes (and every test server) should not pay at start.
 */
export function createNinjsValidator(): NinjsValidator {
  let validators: Record<NinjsProfile, ValidateFunction> | null = null
  const compile = (): Record<NinjsProfile, ValidateFunction> => {
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    ;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
    ajv.addSchema(readJson('GeoJSON-schema.json'))
    return { ninjs: ajv.compile(readJson('ninjs-schema_3.1.json')), galley: ajv.compile(readJson('ninjs-galley-3.1.json')) }
  }
  return {
    problems(profile, document) {
      validators ??= compile()
      const validate = validators[profile]
      if (validate(document)) return []
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    },
  }
}
