import { useState } from 'react'
import { CommandProblem } from './CommandProblem.tsx'
import type { FactsController } from './factsController.ts'
import { useCommandAction } from './useCommandAction.ts'

/** Removes a tag and its record (`fact.delete`, tagFacts), after a second click to confirm. */
export function FactDeleteButton({ tagId, controller, label = 'Delete tag' }: { tagId: string; controller: FactsController; label?: string }) {
  const [confirming, setConfirming] = useState(false)
  const action = useCommandAction()
  return (
    <span className="fact-delete">
      {confirming ? (
        <>
          <span className="fact-delete__question">Delete this tag and its record?</span>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={action.pending}
            onClick={() => void action.run(() => controller.deleteFact(tagId))}
            autoFocus
          >
            {action.pending ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="button button--quiet button--small fact-delete__start" onClick={() => setConfirming(true)}>
          {label}
        </button>
      )}
      <CommandProblem problem={action.problem} />
    </span>
  )
}
