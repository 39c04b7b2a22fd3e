import * as Y from 'yjs'

/** The smallest edit that turns `before` into `after`: delete `remove` characters at `index`, insert `insert`. */
export interface TextEdit {
  index: number
  remove: number
  insert: string
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/**
 * The edit between two strings from their common prefix and suffix. It never splits a surrogate
 * pair, so an emoji is replaced whole rather than as half a character in the shared text.
 */
export function diffText(before: string, after: string): TextEdit {
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = 0
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

type TextControl = HTMLInputElement | HTMLTextAreaElement
type SavedSelection = { start: Y.RelativePosition; end: Y.RelativePosition; direction: TextControl['selectionDirection'] }

/**
 * Binds a text input or textarea to a Y.Text, both ways, until the returned function is called:
 * - each local change becomes one minimal delete/insert (diffText) in a transaction with `origin`;
 * - each remote change updates the field's value, keeping the local caret and selection where they
 *   were in the text (Y.RelativePosition), so a colleague typing earlier in the field does not move it.
 * While an input method is composing, the field is left alone; the composed text is merged when the
 * composition ends, at the place it was typed even if colleagues changed the text meanwhile.
 * Framework-free: it owns the element's value, so render the element uncontrolled.
 */
export function bindTextInput(input: TextControl, text: Y.Text, origin: unknown = input): () => void {
  const doc = text.doc
  if (!doc) throw new RangeError('bindTextInput: the Y.Text is not part of a Y.Doc')
  /** The text the field last showed in sync with the Y.Text. */
  let shown = text.toString()
  let savedSelection: SavedSelection | null = null
  /** During a composition: one relative position per index of `shown`, to place the composed text. */
  let anchors: Y.RelativePosition[] | null = null
  let remoteWhileComposing = false

  input.value = shown

  const apply = (edit: TextEdit, at: number, until: number): void => {
    doc.transact(() => {
      if (until > at) text.delete(at, until - at)
      if (edit.insert.length > 0) text.insert(at, edit.insert)
    }, origin)
  }

  const onInput = (): void => {
    if (anchors) return
    const edit = diffText(text.toString(), input.value)
    if (edit.remove > 0 || edit.insert.length > 0) apply(edit, edit.index, edit.index + edit.remove)
    shown = input.value
  }

  // Before a remote transaction changes the text, pin the selection to the characters around it.
  const onBeforeTransaction = (transaction: Y.Transaction): void => {
    savedSelection = null
    if (transaction.origin === origin || anchors || input.ownerDocument.activeElement !== input) return
    const { selectionStart, selectionEnd, selectionDirection } = input
    if (selectionStart === null || selectionEnd === null) return
    // A collapsed caret sticks to the character before it: text a colleague types right at it goes after it.
    savedSelection = {
      start: Y.createRelativePositionFromTypeIndex(text, selectionStart, selectionStart === selectionEnd ? -1 : 0),
      end: Y.createRelativePositionFromTypeIndex(text, selectionEnd, -1),
      direction: selectionDirection,
    }
  }

  const render = (selection: SavedSelection | null): void => {
    shown = text.toString()
    if (input.value === shown) return
    input.value = shown
    if (!selection) return
    const start = Y.createAbsolutePositionFromRelativePosition(selection.start, doc)
    const end = Y.createAbsolutePositionFromRelativePosition(selection.end, doc)
    if (start && end) input.setSelectionRange(start.index, Math.max(start.index, end.index), selection.direction ?? 'none')
  }

  const onTextChange = (_event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === origin) return
    if (anchors) remoteWhileComposing = true
    else render(savedSelection)
    savedSelection = null
  }

  const onCompositionStart = (): void => {
    onInput()
    remoteWhileComposing = false
    anchors = Array.from({ length: shown.length + 1 }, (_, i) => Y.createRelativePositionFromTypeIndex(text, i))
  }

  const onCompositionEnd = (): void => {
    const positions = anchors
    anchors = null
    if (!positions || !remoteWhileComposing) {
      onInput()
      return
    }
    // Colleagues changed the text while the user composed: apply the user's edit where they made it.
    const edit = diffText(shown, input.value)
    const at = positions[edit.index] && Y.createAbsolutePositionFromRelativePosition(positions[edit.index]!, doc)
    const until = positions[edit.index + edit.remove] && Y.createAbsolutePositionFromRelativePosition(positions[edit.index + edit.remove]!, doc)
    const from = at?.index ?? text.length
    if (edit.remove > 0 || edit.insert.length > 0) apply(edit, from, Math.max(from, until?.index ?? from))
    render(null)
    const caret = from + edit.insert.length
    if (input.ownerDocument.activeElement === input) input.setSelectionRange(caret, caret)
  }

  input.addEventListener('input', onInput)
  input.addEventListener('compositionstart', onCompositionStart)
  input.addEventListener('compositionend', onCompositionEnd)
  doc.on('beforeTransaction', onBeforeTransaction)
  text.observe(onTextChange)

  return () => {
    input.removeEventListener('input', onInput)
    input.removeEventListener('compositionstart', onCompositionStart)
    input.removeEventListener('compositionend', onCompositionEnd)
    doc.off('beforeTransaction', onBeforeTransaction)
    text.unobserve(onTextChange)
  }
}
