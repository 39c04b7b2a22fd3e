import { useState } from 'react'
import type { GateReportItem } from './publishApi.ts'
import { OverrideForm } from './OverrideForm.tsx'

interface GateChecklistProps {
  items: readonly GateReportItem[]
  /** Called with a reason to override a failing, overridable item; omitted: a read-only list (the server's answer). */
  onOverride?: (itemId: string, reason: string) => void
  onClearOverride?: (itemId: string) => void
  testId?: string
}

type ItemState = 'ok' | 'overridden' | 'failing'

const stateOf = (item: GateReportItem): ItemState => (item.overriddenBecause !== undefined ? 'overridden' : item.ok ? 'ok' : 'failing')
const MARKS: Record<ItemState, { icon: string; words: string }> = {
  ok: { icon: '✓', words: 'Passes' },
  overridden: { icon: '✓', words: 'Overridden' },
  failing: { icon: '✗', words: 'Fails' },
}

/**
 * The publishing checklist: each item ✓ or ✗ with its label (and the same in words for screen
 * readers); per-thread and per-fact items sit under their summary. A failing item that may be
 * overridden offers "Override…", which asks for the reason; an overridden one shows it and may be
 * withdrawn. Labels quote the article's text and are rendered as text.
 */
export function GateChecklist({ items, onOverride, onClearOverride, testId }: GateChecklistProps) {
  const [editing, setEditing] = useState<string | null>(null)
  // Where focus goes when an override form closes: the button that now stands in its place.
  const [focusAfter, setFocusAfter] = useState<string | null>(null)
  return (
    <ul className="gate" data-testid={testId}>
      {items.map((item) => {
        const state = stateOf(item)
        const mark = MARKS[state]
        return (
          <li key={item.id} className={`gate__item gate__item--${state}${item.id.includes(':') ? ' gate__item--detail' : ''}`} data-gate-item={item.id} data-state={state}>
            <span className="gate__mark" aria-hidden="true">
              {mark.icon}
            </span>
            <span className="gate__text">
              <span className="visually-hidden">{mark.words}: </span>
              {item.label}
              {state === 'overridden' && (
                <span className="gate__reason">
                  Overridden: {item.overriddenBecause}
                  {onClearOverride && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        autoFocus={focusAfter === item.id}
                        onClick={() => {
                          setFocusAfter(item.id)
                          onClearOverride(item.id)
                        }}
                        aria-label={`Withdraw the override of ${item.label}`}
                      >
                        Withdraw
                      </button>
                    </>
                  )}
                </span>
              )}
              {state === 'failing' && item.overridable && onOverride && editing !== item.id && (
                <button
                  type="button"
                  className="button button--small gate__override"
                  aria-label={`Override: ${item.label}…`}
                  autoFocus={focusAfter === item.id}
                  onClick={() => setEditing(item.id)}
                >
                  Override…
                </button>
              )}
              {editing === item.id && state === 'failing' && onOverride && (
                <OverrideForm
                  label={item.label}
                  onCancel={() => {
                    setFocusAfter(item.id)
                    setEditing(null)
                  }}
                  onOverride={(reason) => {
                    onOverride(item.id, reason)
                    setFocusAfter(item.id)
                    setEditing(null)
                  }}
                />
              )}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
