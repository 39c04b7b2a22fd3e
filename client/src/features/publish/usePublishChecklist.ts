import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { PublishChecklist, type ChecklistSnapshot } from './publishChecklist.ts'

const NO_SNAPSHOT = () => null
const NO_SUBSCRIPTION = () => () => {}

/**
 * The live publishing checklist of `doc` and the model behind it (for overrides), or null for the
 * first render. One PublishChecklist per doc, created by the effect and destroyed with it (StrictMode's
 * second run gets a fresh one).
 */
export function usePublishChecklist(doc: Y.Doc): { snapshot: ChecklistSnapshot; checklist: PublishChecklist } | null {
  const [checklist, setChecklist] = useState<PublishChecklist | null>(null)
  useEffect(() => {
    const live = new PublishChecklist(doc)
    setChecklist(live)
    return () => live.destroy()
  }, [doc])
  const current = checklist?.doc === doc ? checklist : null
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!current) return () => {}
      current.on('change', onChange)
      return () => current.off('change', onChange)
    },
    [current],
  )
  const snapshot = useSyncExternalStore(current ? subscribe : NO_SUBSCRIPTION, current ? () => current.snapshot : NO_SNAPSHOT)
  return current && snapshot ? { snapshot, checklist: current } : null
}
