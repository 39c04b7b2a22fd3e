import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { sameViewers, setViewingThread, threadViewers, type ThreadViewer } from './threadPresence.ts'

/**
 * Shares which thread this tab looks at (`activeId`) in the awareness state, and returns who else
 * looks at which thread; re-renders only when that changes, not on every caret move.
 */
export function useThreadViewers(awareness: Awareness, activeId: string | null): Map<string, ThreadViewer[]> {
  const [viewers, setViewers] = useState(() => threadViewers(awareness))

  useEffect(() => {
    setViewingThread(awareness, activeId)
  }, [awareness, activeId])

  useEffect(() => {
    const update = (): void => {
      const next = threadViewers(awareness)
      setViewers((previous) => (sameViewers(previous, next) ? previous : next))
    }
    update()
    awareness.on('change', update)
    return () => {
      awareness.off('change', update)
      setViewingThread(awareness, null)
    }
  }, [awareness])

  return viewers
}
