import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readWorkflow, watchWorkflow, type WorkflowSnapshot } from './workflowWatch.ts'

/** The article's status and its history of changes, live from the document. */
export function useWorkflow(doc: Y.Doc): WorkflowSnapshot {
  const [snapshot, setSnapshot] = useState(() => readWorkflow(doc))
  useEffect(() => {
    setSnapshot(readWorkflow(doc))
    return watchWorkflow(doc, () => setSnapshot(readWorkflow(doc)))
  }, [doc])
  return snapshot
}
