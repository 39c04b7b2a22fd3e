import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { AnyExtension } from '@tiptap/core'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { articleExtensions, getBody } from '../../../shared/article/index.ts'
import type { ArticleSession } from '../collab/index.ts'
import { Collaboration } from './collaboration.ts'
import { ClearFormatting } from './clearFormatting.ts'
import { CollaborationCaret } from './collaborationCaret.ts'
import { CommentHighlights } from './comments/index.ts'
import { LinkForm } from './LinkForm.tsx'
import { ReadOnlyCaret } from './readOnlyCaret.ts'
import { Toolbar } from './Toolbar.tsx'
import { canEditLink } from './toolbarTools.ts'

interface ArticleEditorProps {
  session: ArticleSession
  /** False until the article's content has arrived (see useArticleLoaded). */
  loaded: boolean
  /** True when the user may change the body now: loaded, and a role with `writeBody` (the session's canWrite). */
  editable: boolean
  /** True when the user's role does not allow editing at all (not merely "not yet"): no toolbar, marked read-only. */
  readOnly: boolean
  /** Hands the editor to views beside it (the comment margin), and null when it goes. */
  onEditor?: (editor: Editor | null) => void
  /** More extensions (fact tagging); read once, when the editor is made for the session. */
  extensions?: readonly AnyExtension[]
  /** Popups over the story (the fact menu and card), rendered inside the editor's positioned box. */
  overlay?: ReactNode
}

const BODY_ID = 'story-body'

/**
 * The story body: a Tiptap editor over the shared schema (articleExtensions), bound to the session's
 * Y.Doc with collaborative undo and colleagues' carets, plus its toolbar and link form. Not editable
 * (contenteditable false, so it makes no changes to send) until loaded, and never for a role that
 * cannot write: then it has no toolbar and says it is read-only; colleagues' edits still appear live.
 */
export function ArticleEditor({ session, loaded, editable, readOnly, onEditor, extensions = [], overlay }: ArticleEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false)
  const openLink = useRef<() => void>(() => {})
  // Read by the editor's attributes on every view update (the empty transaction below makes one).
  const readOnlyRef = useRef(readOnly)

  const editor = useEditor(
    {
      extensions: [
        ...articleExtensions,
        Collaboration.configure({ fragment: getBody(session.doc) }),
        CollaborationCaret.configure({ awareness: session.awareness }),
        CommentHighlights,
        ClearFormatting,
        ReadOnlyCaret,
        ...extensions,
      ],
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: (): Record<string, string> => ({
          id: BODY_ID,
          class: 'story-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Story text',
          'aria-readonly': String(readOnlyRef.current),
          spellcheck: String(!readOnlyRef.current),
        }),
        handleKeyDown: (_view, event) => {
          if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault()
            openLink.current()
            return true
          }
          return false
        },
      },
    },
    [session],
  )

  useEffect(() => {
    onEditor?.(editor)
    return () => onEditor?.(null)
  }, [editor, onEditor])

  const openLinkForm = useCallback(() => {
    if (canEditLink(editor)) setLinkOpen(true)
  }, [editor])
  // The editor's keymap was built once; it reaches the current callback through the ref.
  useLayoutEffect(() => {
    openLink.current = openLinkForm
  }, [openLinkForm])

  useEffect(() => {
    if (editor.isEditable === editable && readOnlyRef.current === readOnly) return
    readOnlyRef.current = readOnly
    editor.setEditable(editable)
    if (!editable) setLinkOpen(false)
    // setEditable dispatches nothing, and the toolbar (useEditorState) listens to transactions:
    // an empty one makes everything that reads editor state (and the attributes above) see the change.
    editor.view.dispatch(editor.state.tr)
  }, [editor, editable, readOnly])

  return (
    <div className={`article-editor${readOnly ? ' article-editor--read-only' : ''}`} aria-busy={!loaded}>
      {!readOnly && <Toolbar editor={editor} controls={BODY_ID} onLink={openLinkForm} />}
      {linkOpen && !readOnly && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} className="article-editor__content" />
      {overlay}
      {!loaded && <p className="article-editor__loading">Loading the story…</p>}
    </div>
  )
}
