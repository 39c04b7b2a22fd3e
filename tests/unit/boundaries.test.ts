import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
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

  it('compromise and chrono-node are imported only under shared/article/suggestions/', () => {
    const suggestions = path.join('shared', 'article', 'suggestions')
    for (const file of [...sources('shared'), ...sources('server'), ...sources('client')]) {
      if (file.startsWith(suggestions + path.sep)) continue
      for (const spec of imports(file)) {
        expect(/^(compromise|chrono-node)(\/|$)/.test(spec), `${file} imports ${spec}`).toBe(false)
      }
    }
  })

  it('client/ never reaches the server-side text tools, even through another module: suggestions and the publish converter run on the server', () => {
    const suggestions = path.join('shared', 'article', 'suggestions')
    // Of the publishing folder only the gate is for the client; the converter pulls in sanitize-html.
    const publish = path.join('shared', 'article', 'publish')
    const clientSafe = new Set([path.join(publish, 'publishGate.ts')])
    const serverOnlyPackages = /^(compromise|chrono-node|sanitize-html)(\/|$)/
    // Walk the client's relative imports into shared/: a re-export would pull the folder in too.
    const seen = new Map<string, string>(sources('client').map((f) => [f, f]))
    const queue = [...seen.keys()]
    while (queue.length > 0) {
      const file = queue.shift()!
      for (const spec of imports(file)) {
        const where = `${file} imports ${spec} (reached from ${seen.get(file)})`
        expect(resolvesInto(file, spec, suggestions), where).toBe(false)
        expect(serverOnlyPackages.test(spec), where).toBe(false)
        if (resolvesInto(file, spec, publish)) {
          const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec))
          expect(clientSafe.has(target), where).toBe(true)
        }
        if (!spec.startsWith('.')) continue
        const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec))
        if (!seen.has(target) && /\.tsx?$/.test(target) && existsSync(path.join(ROOT, target))) {
          seen.set(target, seen.get(file)!)
          queue.push(target)
        }
      }
    }
  })

  it('client/ never imports server/; framework-free client/src/{collab,auth,api} never import React', () => {
    const frameworkFree = ['collab', 'auth', 'api'].map((dir) => path.join('client', 'src', dir) + path.sep)
    for (const file of sources('client')) {
      for (const spec of imports(file)) {
        expect(resolvesInto(file, spec, 'server'), `${file} imports ${spec}`).toBe(false)
        if (frameworkFree.some((dir) => file.startsWith(dir))) expect(/^react/.test(spec) || /\.tsx$/.test(spec), `${file} imports ${spec}`).toBe(false)
      }
    }
  })
})
