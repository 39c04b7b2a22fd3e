import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditEntry } from '../../../../shared/auth/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'
import { AUDIT_PAGE_SIZE, listAudit } from './adminApi.ts'

/** The audit log as it loads, newest first, and whether older entries may exist. */
export interface AuditLogState {
  entries: AuditEntry[]
  loading: boolean
  error: ApiError | null
  /** False once a page came back shorter than a full page: nothing older exists. */
  hasOlder: boolean
}

/**
 * The latest audit entries on mount and whenever `refresh` changes; loadOlder() appends the page
 * before the oldest shown; reload() starts again.
 */
export function useAuditLog(refresh: unknown = null): { log: AuditLogState; loadOlder: () => void; reload: () => void } {
  const [log, setLog] = useState<AuditLogState>({ entries: [], loading: true, error: null, hasOlder: false })
  const abort = useRef<AbortController | null>(null)

  const load = useCallback((before: number | null) => {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setLog((previous) => ({ ...previous, loading: true, error: null }))
    listAudit(before, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return
        setLog((previous) => {
          const entries = before === null ? page : [...previous.entries, ...page.filter((e) => !previous.entries.some((p) => p.id === e.id))]
          return { entries, loading: false, error: null, hasOlder: page.length >= AUDIT_PAGE_SIZE }
        })
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLog((previous) => ({ ...previous, loading: false, error: toApiError(err) }))
      },
    )
  }, [])

  useEffect(() => {
    load(null)
    return () => abort.current?.abort()
  }, [load, refresh])

  const oldestId = log.entries.at(-1)?.id ?? null
  const loadOlder = useCallback(() => {
    if (oldestId !== null) load(oldestId)
  }, [load, oldestId])

  return { log, loadOlder, reload: useCallback(() => load(null), [load]) }
}
