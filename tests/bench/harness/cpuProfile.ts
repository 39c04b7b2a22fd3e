import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ServerProcess } from './serverProcess.ts'
import { formatNumber, markdownTable } from './table.ts'

/** The parts of a V8 `.cpuprofile` this summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

/** A function's share of a profile: self time, and time with everything it called (inclusive). */
export interface ProfileEntry {
  name: string
  selfMs: number
  inclusiveMs: number
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|client|tests)\//, '$1/')
  return `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`
}

/**
 * Sums a profile by function: self time and inclusive time (each function counted once per sample
 * even when it recurses), in ms, plus the total. `(idle)` is the event loop waiting.
 */
export function summarizeProfile(file: string): { totalMs: number; entries: ProfileEntry[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const selfById = new Map<number, number>()
  let totalUs = 0
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0
    totalUs += us
    selfById.set(id, (selfById.get(id) ?? 0) + us)
  })
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  for (const [id, us] of selfById) {
    const leaf = byId.get(id)
    if (!leaf) continue
    const leafName = frameName(leaf.callFrame)
    self.set(leafName, (self.get(leafName) ?? 0) + us)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)
      if (!node) break
      const name = frameName(node.callFrame)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + us)
    }
  }
  const entries = [...inclusive].map(([name, us]) => ({ name, selfMs: (self.get(name) ?? 0) / 1000, inclusiveMs: us / 1000 }))
  return { totalMs: totalUs / 1000, entries }
}

/** The main thread's profile in a folder node wrote with --cpu-prof: the largest file (workers write smaller ones). */
export function mainThreadProfile(dir: string): string | null {
  if (!existsSync(dir)) return null
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
  if (files.length === 0) return null
  return files.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b))
}

/** Markdown: the functions with the most self time, and the server's own functions by inclusive time. */
export function profileReport(file: string, top = 15): string {
  const { totalMs, entries } = summarizeProfile(file)
  const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)} %`
  const bySelf = [...entries].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
  const ours = entries
    .filter((e) => /\b(server|shared)\//.test(e.name))
    .sort((a, b) => b.inclusiveMs - a.inclusiveMs)
    .slice(0, top)
  return [
    `profile ${file} (${formatNumber(totalMs)} ms sampled, server start-up included)`,
    '',
    markdownTable(['self time', 'ms', 'share'], bySelf.map((e) => [e.name, formatNumber(e.selfMs), pct(e.selfMs)])),
    '',
    markdownTable(['server code, inclusive', 'ms', 'share'], ours.map((e) => [e.name, formatNumber(e.inclusiveMs), pct(e.inclusiveMs)])),
  ].join('\n')
}

/** With --profile: prints a stopped server's hottest functions, for finding where its CPU goes. */
export function printServerProfile(server: ServerProcess): void {
  if (!server.profileDir) return
  const file = mainThreadProfile(server.profileDir)
  console.log(file ? `\n${profileReport(file)}\n` : `  ${server.kind}: no CPU profile in ${server.profileDir}`)
}
