import { useCallback, useEffect, useRef, useState } from 'react'
import type { CommandAnswer } from '../../collab/index.ts'

/** A command a control sends: whether it is under way, and why the last one failed (the server's words). */
export interface CommandAction {
  pending: boolean
  problem: string | null
  /** Sends it; resolves true when the server accepted it. */
  run: (send: () => Promise<CommandAnswer>) => Promise<boolean>
  /** Forgets the last problem. */
  clear: () => void
}

/** State for one control that sends commands: pending while waiting for the ack, then the error if any. */
export function useCommandAction(): CommandAction {
  const [state, setState] = useState<{ pending: boolean; problem: string | null }>({ pending: false, problem: null })
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const run = useCallback(async (send: () => Promise<CommandAnswer>): Promise<boolean> => {
    setState({ pending: true, problem: null })
    const answer = await send()
    const problem = 'error' in answer ? answer.error.message : null
    if (mounted.current) setState({ pending: false, problem })
    return problem === null
  }, [])
  const clear = useCallback(() => setState((s) => (s.problem === null ? s : { ...s, problem: null })), [])
  return { ...state, run, clear }
}
