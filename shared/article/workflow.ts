import * as Y from 'yjs'
import { Capability } from '../auth/roles.ts'
import { getWorkflow } from './articleDoc.ts'
import type { Author } from './threads.ts'

/**
 * Where an article stands (docs/publishing.md): drafted, reviewed, fact-checked, ready, published;
 * after publication each new version is `corrected` (it carries a correction note) or `updated`.
 */
export const ARTICLE_STATUSES = ['draft', 'in-review', 'fact-check', 'ready', 'published', 'corrected', 'updated'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'fact-check': 'Fact-check',
  ready: 'Ready',
  published: 'Published',
  corrected: 'Corrected',
  updated: 'Updated',
}

/** Statuses an article may be published from. */
export const PUBLISHABLE_STATUSES: readonly ArticleStatus[] = ['ready', 'published', 'corrected', 'updated']

/** A move the workflow allows by hand, and the capability it takes (publishing is its own action). */
export interface Transition {
  from: ArticleStatus
  to: ArticleStatus
  capability: Capability
}

const AFTER_PUBLICATION: ArticleStatus[] = ['published', 'corrected', 'updated']

/** Every move by hand: editors send to review and on to fact-check, fact-checkers clear fact-check. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'in-review', capability: Capability.writeBody },
  { from: 'in-review', to: 'draft', capability: Capability.writeBody },
  { from: 'in-review', to: 'fact-check', capability: Capability.writeBody },
  { from: 'fact-check', to: 'in-review', capability: Capability.checkFacts },
  { from: 'fact-check', to: 'ready', capability: Capability.checkFacts },
  { from: 'ready', to: 'in-review', capability: Capability.writeBody },
  { from: 'ready', to: 'draft', capability: Capability.writeBody },
  ...AFTER_PUBLICATION.map((from) => ({ from, to: 'in-review' as const, capability: Capability.writeBody })),
]

/** The move from `from` to `to`, or null when the workflow has none. */
export function findTransition(from: ArticleStatus, to: ArticleStatus): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null
}

/** One recorded status change. */
export interface StatusChange {
  from: ArticleStatus
  to: ArticleStatus
  by: Author
  at: string
  note: string
  /** The published version this change made, for publications. */
  version: number | null
}

/** True for a known status. */
export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value)
}

/** The article's status as its document holds it (`draft` before any change). */
export function readStatus(doc: Y.Doc): ArticleStatus {
  const status = getWorkflow(doc).get('status')
  return isArticleStatus(status) ? status : 'draft'
}

/** Every status change, oldest first. */
export function readStatusChanges(doc: Y.Doc): StatusChange[] {
  const changes = getWorkflow(doc).get('transitions')
  return changes instanceof Y.Array ? (changes.toArray() as StatusChange[]) : []
}

/** Records a status change (server only). */
export function writeStatusChange(doc: Y.Doc, change: StatusChange): void {
  const workflow = getWorkflow(doc)
  let changes = workflow.get('transitions')
  if (!(changes instanceof Y.Array)) {
    changes = new Y.Array<StatusChange>()
    workflow.set('transitions', changes)
  }
  workflow.set('status', change.to)
  ;(changes as Y.Array<StatusChange>).push([change])
}
