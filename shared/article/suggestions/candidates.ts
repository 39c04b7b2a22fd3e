/**
 * Entity candidates and how overlaps between them are settled: every rule proposes a span with a
 * kind and a priority; the strongest wins, then the longest, then the first. The desk's own tag
 * (a known entity) wins outright for exactly the same words.
 */
import type { Token } from './textAnalysis.ts'
import { nameEnd } from './nameRuns.ts'

export type EntityKind = 'person' | 'organization' | 'place'

/** A proposed entity span. */
export interface Candidate {
  kind: EntityKind
  from: number
  to: number
  priority: number
  /** From the desk's known entities. */
  known?: boolean
}

/** Rule strengths, strongest first (see entities.ts for what each covers). */
export const PRIORITY = {
  sameWordsAsKnown: 200,
  strong: 100,
  known: 95,
  surname: 85,
  shape: 80,
  tagged: 70,
  placeTagged: 60,
  cued: 50,
  compromise: 30,
} as const

/** Collects candidates by token range, and the tokens found to be part of a title. */
export class CandidateCollector {
  readonly candidates: Candidate[] = []
  /** Words that belong to a title ("Secretary of State"): never part of a name. */
  readonly titleTokens = new Set<number>()

  constructor(private readonly tokens: Token[]) {}

  /** Adds tokens `first`..`last` (inclusive) as a candidate; a trailing possessive is left out. */
  add(kind: EntityKind, first: number, last: number, priority: number): void {
    if (first > last) return
    this.candidates.push({ kind, from: this.tokens[first]!.from, to: nameEnd(this.tokens[last]!), priority })
  }
}

/** Settles overlaps: the strongest candidate wins, then the longest, then the first. Returns them in text order. */
export function settle(candidates: readonly Candidate[]): Candidate[] {
  const sameWords = (c: Candidate) => candidates.some((o) => !o.known && o.from === c.from && o.to === c.to)
  const strength = new Map(candidates.map((c) => [c, c.known && sameWords(c) ? PRIORITY.sameWordsAsKnown : c.priority]))
  const ordered = [...candidates].sort((a, b) => strength.get(b)! - strength.get(a)! || b.to - b.from - (a.to - a.from) || a.from - b.from)
  const taken: Candidate[] = []
  for (const c of ordered) {
    if (c.to > c.from && !taken.some((t) => t.from < c.to && c.from < t.to)) taken.push(c)
  }
  return taken.sort((a, b) => a.from - b.from)
}
