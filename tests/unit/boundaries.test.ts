import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  const full = path.join(ROOT, dir)
  return readdirSync(full).flatMap((entry) => {
    const p = path.join(full, entry)
    if (entry === 'node_modules' || entry === 'dist') return []
    if (statSync(p).isDirectory()) return sources(path.join(dir, entry))
    return /\.(ts|tsx)$/.test(entry) ? [path.join(dir, entry)] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  )
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  if (!spec.startsWith('.')) return false
  const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec))
  return target === folder || target.startsWith(folder + path.sep)
}

describe('dependency directions (STYLE.md)', () => {
  it('shared/ imports nothing from server/ or client/, and no Node or DOM framework', () => {
    for (const file of sources('shared')) {
      for (const spec of imports(file)) {
        expect(resolvesInto(file, spec, 'server') || resolvesInto(file, spec, 'client'), `${file} imports ${spec}`).toBe(false)
        expect(/^(node:|react|socket\.io|express|better-sqlite3)/.test(spec), `${file} imports ${spec}`).toBe(false)
      }
    }
  })

  it('server/ never imports client/ or React', () => {
    for (const file of sources('server')) {
      for (const spec of imports(file)) {
        expect(resolvesInto(file, spec, 'client') || /^react/.test(spec), `${file} imports ${spec}`).toBe(false)
      }
    }
  })

  it('client/ never imports server/; framework-free client/src/collab never imports React', () => {
    for (const file of sources('client')) {
      for (const spec of imports(file)) {
        expect(resolvesInto(file, spec, 'server'), `${file} imports ${spec}`).toBe(false)
        if (file.startsWith(path.join('client', 'src', 'collab'))) expect(/^react/.test(spec), `${file} imports ${spec}`).toBe(false)
      }
    }
  })
})
