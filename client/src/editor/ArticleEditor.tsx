import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import { articleExtensions, getBody } from '../../../shared/article/index.ts'
import type { ArticleSession } from '../collab/index.ts'
import { Collaboration } from './collaboration.ts'
import { CollaborationCaret } from './collaborationCaret.ts'
import { LinkForm } from './LinkForm.tsx'
import { Toolbar } from './Toolbar.tsx'
import { canEditLink } from './toolbarTools.ts'

interface ArticleEditorProps {
  session: ArticleSession
  /** False until the article's content has arrived (see useArticleLoaded). */
  editable: boolean
}

const BODY_ID = 'story-body'

/**
 * The story body: a Tiptap editor over the shared schema (articleExtensions), bound to the session's
 * Y.Doc with collaborative undo and colleagues' carets, plus its toolbar and link form.
 */
export function ArticleEditor({ session, editable }: ArticleEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false)
  const openLink = useRef<() => void>(() => {})

  const editor = useEditor(
    {
      extensions: [
        ...articleExtensions,
        Collaboration.configure({ fragment: getBody(session.doc) }),
        CollaborationCaret.configure({ awareness: session.awareness }),
      ],
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: BODY_ID,
          class: 'story-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Story text',
          spellcheck: 'true',
        },
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

  const openLinkForm = useCallback(() => {
    if (canEditLink(editor)) setLinkOpen(true)
  }, [editor])
  // The editor's keymap was built once; it reaches the current callback through the ref.
  useLayoutEffect(() => {
    openLink.current = openLinkForm
  }, [openLinkForm])

  useEffect(() => {
    if (editor.isEditable === editable) return
    editor.setEditable(editable)
    // setEditable dispatches nothing, and the toolbar (useEditorState) listens to transactions:
    // an empty one makes everything that reads editor state see the change.
    editor.view.dispatch(editor.state.tr)
  }, [editor, editable])

  return (
    <div className="article-editor" aria-busy={!editable}>
      <Toolbar editor={editor} controls={BODY_ID} onLink={openLinkForm} />
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} className="article-editor__content" />
      {!editable && <p className="article-editor__loading">Loading the story…</p>}
    </div>
  )
}
