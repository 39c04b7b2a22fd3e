import type { Editor } from '@tiptap/core'
import { COMMENT_SHORTCUT, commentableSelection } from './comments/index.ts'
import { hasFormatting } from './clearFormatting.ts'
import { TAG_FACT_SHORTCUT } from './facts/index.ts'

/** The formatting tools, in toolbar order. */
export type ToolId =
  | 'paragraph'
  | 'heading2'
  | 'heading3'
  | 'bold'
  | 'italic'
  | 'link'
  | 'clearFormatting'
  | 'blockquote'
  | 'bulletList'
  | 'orderedList'
  | 'undo'
  | 'redo'
  | 'comment'
  | 'tagFact'

/** One toolbar button: its accessible name, shortcut (ProseMirror key name), and whether it toggles. */
export interface Tool {
  id: ToolId
  label: string
  shortcut: string
  /** Toggles show their state with aria-pressed; actions (undo, redo) do not. */
  toggle: boolean
  /** Buttons of one group sit together; groups are divided by separators. */
  group: number
}

/** Every tool, in order. Shortcuts are the ones the extensions already bind (Mod-k is the editor's). */
export const TOOLS: readonly Tool[] = [
  { id: 'paragraph', label: 'Paragraph', shortcut: 'Mod-Alt-0', toggle: true, group: 0 },
  { id: 'heading2', label: 'Heading 2', shortcut: 'Mod-Alt-2', toggle: true, group: 0 },
  { id: 'heading3', label: 'Heading 3', shortcut: 'Mod-Alt-3', toggle: true, group: 0 },
  { id: 'bold', label: 'Bold', shortcut: 'Mod-b', toggle: true, group: 1 },
  { id: 'italic', label: 'Italic', shortcut: 'Mod-i', toggle: true, group: 1 },
  { id: 'link', label: 'Link', shortcut: 'Mod-k', toggle: true, group: 1 },
  { id: 'clearFormatting', label: 'Clear formatting', shortcut: 'Mod-\\', toggle: false, group: 1 },
  { id: 'blockquote', label: 'Quote', shortcut: 'Mod-Shift-b', toggle: true, group: 2 },
  { id: 'bulletList', label: 'Bulleted list', shortcut: 'Mod-Shift-8', toggle: true, group: 2 },
  { id: 'orderedList', label: 'Numbered list', shortcut: 'Mod-Shift-7', toggle: true, group: 2 },
  { id: 'undo', label: 'Undo', shortcut: 'Mod-z', toggle: false, group: 3 },
  { id: 'redo', label: 'Redo', shortcut: 'Mod-Shift-z', toggle: false, group: 3 },
  { id: 'comment', label: 'Comment', shortcut: COMMENT_SHORTCUT, toggle: false, group: 4 },
  { id: 'tagFact', label: 'Tag fact', shortcut: TAG_FACT_SHORTCUT, toggle: false, group: 4 },
]

/** Whether a tool is on at the selection, and whether it can be used there now. */
export interface ToolState {
  active: boolean
  enabled: boolean
}

/** The state of every tool. */
export type ToolbarState = Record<ToolId, ToolState>

/** True when a link can be set or edited at the selection: text is selected, or the caret is in a link. */
export function canEditLink(editor: Editor): boolean {
  if (!editor.isEditable) return false
  if (editor.isActive('link')) return true
  return !editor.state.selection.empty && editor.can().setLink({ href: 'https://example.com' })
}

/** Reads every tool's state from the editor (for useEditorState: cheap, no side effects). */
export function readToolbarState(editor: Editor): ToolbarState {
  const editable = editor.isEditable
  const can = editor.can()
  const tool = (active: boolean, enabled: boolean): ToolState => ({ active, enabled: editable && enabled })
  return {
    paragraph: tool(editor.isActive('paragraph'), can.setParagraph()),
    heading2: tool(editor.isActive('heading', { level: 2 }), can.toggleHeading({ level: 2 })),
    heading3: tool(editor.isActive('heading', { level: 3 }), can.toggleHeading({ level: 3 })),
    bold: tool(editor.isActive('bold'), can.toggleBold()),
    italic: tool(editor.isActive('italic'), can.toggleItalic()),
    link: tool(editor.isActive('link'), canEditLink(editor)),
    clearFormatting: tool(false, hasFormatting(editor.state)),
    blockquote: tool(editor.isActive('blockquote'), can.toggleBlockquote()),
    bulletList: tool(editor.isActive('bulletList'), can.toggleBulletList()),
    orderedList: tool(editor.isActive('orderedList'), can.toggleOrderedList()),
    undo: tool(false, can.undo()),
    redo: tool(false, can.redo()),
    comment: tool(false, commentableSelection(editor.state) !== null),
    // Only where the fact-tagging extension is installed (its command decides: role, selection).
    tagFact: tool(false, editor.extensionManager.extensions.some((e) => e.name === 'factTagging') && can.openFactTagMenu()),
  }
}

/** Runs a tool's command on the editor and gives it focus back. `link` opens a form instead: not here. */
export function runTool(editor: Editor, id: Exclude<ToolId, 'link'>): boolean {
  const chain = editor.chain().focus()
  switch (id) {
    case 'paragraph':
      return chain.setParagraph().run()
    case 'heading2':
      return chain.toggleHeading({ level: 2 }).run()
    case 'heading3':
      return chain.toggleHeading({ level: 3 }).run()
    case 'bold':
      return chain.toggleBold().run()
    case 'italic':
      return chain.toggleItalic().run()
    case 'blockquote':
      return chain.toggleBlockquote().run()
    case 'bulletList':
      return chain.toggleBulletList().run()
    case 'orderedList':
      return chain.toggleOrderedList().run()
    case 'undo':
      return chain.undo().run()
    case 'redo':
      return chain.redo().run()
    case 'comment':
      // Opens the comment margin's composer on the selection (CommentHighlights).
      return chain.commentOnSelection().run()
    case 'clearFormatting':
      // Formatting marks only: fact tags, comment anchors and links stay (clearFormatting.ts).
      return chain.clearFormatting().run()
    case 'tagFact':
      // Opens the kind menu on the selection (FactTagging), which takes the focus (so no focus()
      // first: it would take it back a frame later); the server makes the tag.
      return editor.commands.openFactTagMenu()
  }
}
