import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'
import { commentHighlightsState, mountedView } from '../../editor/comments/index.ts'
import { layoutMargin } from './marginLayout.ts'

/** The id the draft card (a comment being written) has in the layout. */
export const DRAFT_ID = '__draft__'

/** Where the margin's cards go. */
export interface MarginPlacement {
  /**
   * True when the margin stands beside the text, so cards can sit level with their anchors; false
   * (a narrow screen, the margin below the story) lays them out as a plain list.
   */
  aligned: boolean
  /** Each card's top in the track (px), once measured. */
  tops: ReadonlyMap<string, number>
  /** How tall the track must be to hold every card. */
  height: number
}

const UNMEASURED: MarginPlacement = { aligned: false, tops: new Map(), height: 0 }

function samePlacement(a: MarginPlacement, b: MarginPlacement): boolean {
  if (a.aligned !== b.aligned || a.height !== b.height || a.tops.size !== b.tops.size) return false
  for (const [id, top] of a.tops) if (b.tops.get(id) !== top) return false
  return true
}

/**
 * Places the margin's cards (framework-free layoutMargin) level with their anchors in the editor,
 * measuring anchors with ProseMirror's coordsAtPos and cards with their rendered height. Measures
 * again, once per animation frame at most, after every render, every editor transaction (typing
 * moves text), resize of the window, the track, the text or a card.
 *
 * `ids` are the cards in the track, in document order; `cards` their elements; `activeId` the card
 * that stays level with its anchor. `lastDraftTop` keeps the draft card in place if its text is deleted.
 */
export function useMarginLayout(
  editor: Editor | null,
  track: RefObject<HTMLElement | null>,
  ids: readonly string[],
  cards: ReadonlyMap<string, HTMLElement>,
  activeId: string | null,
): MarginPlacement {
  const [placement, setPlacement] = useState<MarginPlacement>(UNMEASURED)
  const latest = useRef({ ids, activeId })
  const frame = useRef(0)
  const draftTop = useRef(0)

  useLayoutEffect(() => {
    latest.current = { ids, activeId }
  })

  const measure = useCallback(() => {
    frame.current = 0
    const trackElement = track.current
    const view = mountedView(editor)
    if (!view || !trackElement) return
    const trackRect = trackElement.getBoundingClientRect()
    const textRect = view.dom.getBoundingClientRect()
    const aligned = trackRect.left >= textRect.right - 1
    if (!aligned) {
      setPlacement((previous) => (previous.aligned || previous.tops.size > 0 ? UNMEASURED : previous))
      return
    }
    const plugin = commentHighlightsState(view.state)
    const size = view.state.doc.content.size
    const topOf = (pos: number | undefined): number | null => {
      if (pos === undefined) return null
      try {
        return view.coordsAtPos(Math.min(Math.max(pos, 0), size), 1).top - trackRect.top
      } catch {
        return null
      }
    }
    const { ids: current, activeId: active } = latest.current
    const items = current.map((id) => {
      let top: number | null
      if (id === DRAFT_ID) {
        top = topOf(plugin?.draft?.from) ?? draftTop.current
        draftTop.current = top
      } else {
        top = topOf(plugin?.anchors.get(id)?.[0]?.from ?? plugin?.pending.get(id)?.from)
      }
      return { id, top: top ?? textRect.bottom - trackRect.top, height: cards.get(id)?.offsetHeight ?? 0 }
    })
    const result = layoutMargin(items, { activeId: active, gap: 10 })
    const next: MarginPlacement = { aligned: true, tops: result.tops, height: result.height }
    setPlacement((previous) => (samePlacement(previous, next) ? previous : next))
  }, [editor, track, cards])

  const schedule = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(measure)
  }, [measure])

  // After every render: a card may have grown, a thread come or gone. Cheap: one frame, coalesced.
  useLayoutEffect(schedule)

  const cardKey = ids.join(' ')
  useEffect(() => {
    if (!editor) return
    editor.on('transaction', schedule)
    window.addEventListener('resize', schedule)
    const resized = new ResizeObserver(schedule)
    if (track.current) resized.observe(track.current)
    const view = mountedView(editor)
    if (view) resized.observe(view.dom)
    for (const card of cards.values()) resized.observe(card)
    // Web fonts change line heights when they arrive.
    void document.fonts?.ready.then(schedule)
    return () => {
      editor.off('transaction', schedule)
      window.removeEventListener('resize', schedule)
      resized.disconnect()
      if (frame.current !== 0) cancelAnimationFrame(frame.current)
      frame.current = 0
    }
    // cardKey: observe the cards again when they change.
  }, [editor, track, cards, schedule, cardKey])

  return placement
}
