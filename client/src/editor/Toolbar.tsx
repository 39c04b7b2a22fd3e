import { Fragment, useRef, useState, type KeyboardEvent } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { shortcutLabel } from './shortcutLabel.ts'
import { ToolIcon } from './ToolIcon.tsx'
import { TOOLS, readToolbarState, runTool } from './toolbarTools.ts'

interface ToolbarProps {
  editor: Editor
  /** The id of the editable element the toolbar formats. */
  controls: string
  /** Opens the link form (the link tool edits an address rather than toggling). */
  onLink: () => void
}

/**
 * The formatting toolbar: real buttons with aria-label, aria-pressed on toggles, disabled where the
 * tool does not apply, the shortcut in the title. One tab stop; arrow keys, Home and End move between
 * the enabled buttons (WAI-ARIA toolbar pattern).
 */
export function Toolbar({ editor, controls, onLink }: ToolbarProps) {
  const state = useEditorState({ editor, selector: ({ editor: current }) => readToolbarState(current) })
  const buttons = useRef(new Map<number, HTMLButtonElement>())
  const [focusIndex, setFocusIndex] = useState(0)

  const enabled = TOOLS.flatMap((tool, index) => (state[tool.id].enabled ? [index] : []))
  const tabStop = enabled.includes(focusIndex) ? focusIndex : (enabled[0] ?? -1)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = enabled.indexOf(tabStop)
    if (at === -1) return
    let next: number | undefined
    if (event.key === 'ArrowRight') next = enabled[(at + 1) % enabled.length]
    else if (event.key === 'ArrowLeft') next = enabled[(at - 1 + enabled.length) % enabled.length]
    else if (event.key === 'Home') next = enabled[0]
    else if (event.key === 'End') next = enabled.at(-1)
    if (next === undefined) return
    event.preventDefault()
    setFocusIndex(next)
    buttons.current.get(next)?.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls={controls} onKeyDown={onKeyDown}>
      {TOOLS.map((tool, index) => {
        const { active, enabled: usable } = state[tool.id]
        const separator = index > 0 && TOOLS[index - 1]?.group !== tool.group
        return (
          <Fragment key={tool.id}>
            {separator && <span className="toolbar__separator" role="separator" aria-orientation="vertical" />}
            <button
              ref={(element) => {
                if (element) buttons.current.set(index, element)
                else buttons.current.delete(index)
              }}
              type="button"
              className="toolbar__button"
              data-tool={tool.id}
              aria-label={tool.label}
              aria-pressed={tool.toggle ? active : undefined}
              title={`${tool.label} (${shortcutLabel(tool.shortcut)})`}
              disabled={!usable}
              tabIndex={index === tabStop ? 0 : -1}
              // Keep the editor's selection when a button is clicked with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={() => {
                if (tool.id === 'link') onLink()
                else runTool(editor, tool.id)
              }}
            >
              <ToolIcon id={tool.id} />
            </button>
          </Fragment>
        )
      })}
    </div>
  )
}
