import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import type { FactKind } from '../../../../shared/article/index.ts'
import { FactCard } from './FactCard.tsx'
import type { FactsController } from './factsController.ts'
import { TagFactMenu } from './TagFactMenu.tsx'
import { useFactsSnapshot, useFactsUi } from './useFacts.ts'

/** Room kept between the text and a menu or card below it (px). */
const GAP = 6
/** The card's and menu's width in px (styles.css: .fact-card, .tag-fact-menu); used to keep them inside the column. */
const POPUP_WIDTH = 352

interface FactsLayerProps {
  controller: FactsController
  canTag: boolean
  canCheck: boolean
}

/** Left/top for a popup under `rect`, relative to `layer`, kept inside the layer's width. */
function below(layer: DOMRect, rect: { left: number; bottom: number }): CSSProperties {
  const maxLeft = Math.max(0, layer.width - POPUP_WIDTH)
  return { left: Math.min(Math.max(0, rect.left - layer.left), maxLeft), top: rect.bottom - layer.top + GAP }
}

/**
 * The fact-tagging popups over the story: the tag menu under the selection and the open tag's card
 * under its text. Render it inside the editor's positioned container (ArticleEditor's overlay slot).
 * Focus: the menu takes it and gives it back to the editor; a card opened from the keyboard or the
 * panel takes it and gives it back to whatever had it.
 */
export function FactsLayer({ controller, canTag, canCheck }: FactsLayerProps) {
  const ui = useFactsUi(controller)
  const snapshot = useFactsSnapshot(controller)
  const layer = useRef<HTMLDivElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const [menuStyle, setMenuStyle] = useState<CSSProperties>({})
  const [cardStyle, setCardStyle] = useState<CSSProperties>({})
  const cardId = ui.card?.tagId ?? null
  const entry = cardId ? snapshot.byId.get(cardId) : undefined

  // Before the card's own effect takes the focus: remember who had it.
  useLayoutEffect(() => {
    if (cardId !== null) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
  }, [cardId])

  useLayoutEffect(() => {
    const box = layer.current?.getBoundingClientRect()
    if (!box) return
    if (ui.menu) {
      const rect = controller.rangeRect(ui.menu.from, ui.menu.to)
      if (rect) setMenuStyle(below(box, rect))
    }
    if (cardId) {
      const rect = controller.tagRect(cardId)
      // An orphan has no text to sit under: the card opens at the top of the story.
      setCardStyle(rect ? below(box, rect) : { left: 0, top: 0 })
    }
  }, [controller, ui.menu, cardId, snapshot])

  const closeCard = (): void => {
    const back = opener.current
    controller.closeCard()
    if (back?.isConnected && !back.closest('.fact-card')) back.focus()
    else controller.focusEditor()
  }

  const choose = async (kind: FactKind): Promise<void> => {
    await controller.tagAs(kind)
    if (!controller.state.menu) controller.focusEditor()
  }

  const people = snapshot.entries.filter((e) => e.record.kind === 'person' && !e.orphaned && e.record.id !== cardId)
  return (
    <div ref={layer} className="facts-layer">
      {ui.menu && canTag && (
        <TagFactMenu
          request={ui.menu}
          pending={ui.tagging.pending}
          problem={ui.tagging.error}
          style={menuStyle}
          onChoose={(kind) => void choose(kind)}
          onClose={() => {
            controller.closeMenu()
            controller.focusEditor()
          }}
          onDismiss={() => controller.closeMenu()}
        />
      )}
      {entry && ui.card && (
        <FactCard
          key={entry.record.id}
          entry={entry}
          controller={controller}
          canTag={canTag}
          canCheck={canCheck}
          people={people}
          style={cardStyle}
          takeFocus={ui.card.trigger === 'keyboard'}
          onClose={closeCard}
        />
      )}
    </div>
  )
}
