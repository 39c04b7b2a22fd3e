import type * as Y from 'yjs'
import { getWorkflow } from '../../../../shared/article/articleDoc.ts'
import { readStatus, readStatusChanges, type ArticleStatus, type StatusChange } from '../../../../shared/article/workflow.ts'
import { isStatusChange } from './statusHistory.ts'

/** The article's workflow as its document holds it now. */
export interface WorkflowSnapshot {
  status: ArticleStatus
  /** Every well-formed status change, oldest first. */
  changes: readonly StatusChange[]
}

/** Reads the workflow from `doc` (status `draft` and no changes before the server wrote any). */
export function readWorkflow(doc: Y.Doc): WorkflowSnapshot {
  return { status: readStatus(doc), changes: readStatusChanges(doc).filter(isStatusChange) }
}

/**
 * Calls `onChange` after every change to the document's workflow map (the server's status moves and
 * publications, arriving by sync); returns the function that stops watching.
 */
export function watchWorkflow(doc: Y.Doc, onChange: () => void): () => void {
  const workflow = getWorkflow(doc)
  const observer = () => onChange()
  workflow.observeDeep(observer)
  return () => workflow.unobserveDeep(observer)
}
