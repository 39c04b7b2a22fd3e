/** One card to place in the comment margin. */
export interface MarginItem {
  id: string
  /** Where the card would like its top: level with the top of its anchor (px, margin coordinates). */
  top: number
  /** The card's rendered height (px). */
  height: number
}

/** How to place the cards. */
export interface MarginLayoutOptions {
  /** Space kept between two cards (px). */
  gap?: number
  /** No card starts above this (px). */
  minTop?: number
  /** The card that keeps its place level with its anchor; the others make room around it. */
  activeId?: string | null
}

/** Where each card goes, and how tall the whole margin is. */
export interface MarginLayout {
  /** Each card's top (px), by id. */
  tops: Map<string, number>
  /** The bottom of the lowest card (px); 0 without cards. */
  height: number
}

const DEFAULT_GAP = 8

/**
 * Places comment cards beside the text, each as close to level with its anchor as the others allow,
 * never overlapping, in anchor order (ties keep the order given: document order). With an active
 * card, that one sits exactly at its anchor (unless that would push a card above `minTop`), the cards
 * before it move up and the cards after it move down, as a reviewer in Google Docs expects; without
 * one, cards only ever move down. Pure: the caller measures, this decides.
 */
export function layoutMargin(items: readonly MarginItem[], options: MarginLayoutOptions = {}): MarginLayout {
  const gap = options.gap ?? DEFAULT_GAP
  const minTop = options.minTop ?? 0
  for (const item of items) {
    if (!Number.isFinite(item.top) || !Number.isFinite(item.height) || item.height < 0) {
      throw new RangeError(`layoutMargin: item ${item.id} has top ${item.top} and height ${item.height}`)
    }
  }
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.top - b.item.top || a.index - b.index)
  const sorted = order.map(({ item }) => item)
  const tops = sorted.map((item) => Math.max(item.top, minTop))
  const active = options.activeId == null ? -1 : sorted.findIndex((item) => item.id === options.activeId)

  if (active === -1) {
    pushDown(sorted, tops, 1, gap)
  } else {
    // The active card stays put; the ones above it move up to make room...
    for (let i = active - 1; i >= 0; i--) {
      tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - sorted[i]!.height)
    }
    // ...unless there is no room up there: then everything from the top moves down instead.
    if (active > 0 && tops[0]! < minTop) {
      tops[0] = minTop
      pushDown(sorted, tops, 1, gap, active + 1)
    }
    pushDown(sorted, tops, active + 1, gap)
  }

  const result = new Map<string, number>()
  let height = 0
  sorted.forEach((item, i) => {
    result.set(item.id, tops[i]!)
    height = Math.max(height, tops[i]! + item.height)
  })
  return { tops: result, height }
}

/** Moves cards `from`…`to - 1` down until none overlaps the one before it. */
function pushDown(items: readonly MarginItem[], tops: number[], from: number, gap: number, to = items.length): void {
  for (let i = Math.max(from, 1); i < to; i++) {
    tops[i] = Math.max(tops[i]!, tops[i - 1]! + items[i - 1]!.height + gap)
  }
}
