import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Role } from '../../../../shared/auth/index.ts'
import type { PublicUser } from '../../../../shared/auth/index.ts'
import type { ArticleSession } from '../../collab/index.ts'
import {
  COMMENT_SHORTCUT,
  commentHighlightsState,
  commentableSelection,
  encodeAnchor,
  isCommentShortcut,
  mountedView,
  setActiveThread,
  setCommentDraft,
  setPendingAnchor,
  setShownThreads,
  threadAt,
} from '../../editor/comments/index.ts'
import { shortcutLabel, storySelection, takeBrowserSelection } from '../../editor/index.ts'
import { useConnection } from '../../services/index.ts'
import { useMembers } from '../members/index.ts'
import { CommentComposer } from './CommentComposer.tsx'
import { FloatingCommentButton } from './FloatingCommentButton.tsx'
import { THREAD_FILTERS, arrangeThreads, type ThreadFilter } from './threadFilter.ts'
import { ThreadCard } from './ThreadCard.tsx'
import type { ThreadViewer } from './threadPresence.ts'
import { canComment } from './threadRules.ts'
import { useCommentHighlights } from './useCommentHighlights.ts'
import { DRAFT_ID, useMarginLayout } from './useMarginLayout.ts'
import { useThreads, useThreadsModel } from './useThreadsModel.ts'
import { useThreadViewers } from './useThreadViewers.ts'

interface CommentsMarginProps {
  /** The story's editor, once it exists (ArticleEditor's onEditor). */
  editor: Editor | null
  session: ArticleSession
  /** The user's role on the article (null while unknown, or once removed). */
  role: Role | null
  user: PublicUser
}

const NO_VIEWERS: readonly ThreadViewer[] = []

/**
 * The comment margin beside the story: every thread level with the text it is on (pushed apart where
 * they would overlap), a filter (open, resolved, all) with the count of open threads, orphaned threads
 * with their quote, and a composer for a new comment on the selection — opened from the floating
 * button, the toolbar, the margin's own button or Ctrl+Alt+M. Live for everyone: it reads the Y.Doc.
 */
export function CommentsMargin({ editor, session, role, user }: CommentsMarginProps) {
  const connection = useConnection()
  const me = useMemo(() => ({ id: user.id, name: user.name }), [user.id, user.name])
  const model = useThreadsModel(session, connection, me)
  const { threads, openCount } = useThreads(model)
  const marks = useCommentHighlights(editor)
  const [filter, setFilter] = useState<ThreadFilter>('open')
  const [drafting, setDrafting] = useState(false)
  const [draftProblem, setDraftProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState('')
  const [members] = useMembers(session.articleId, role)
  const memberNames = useMemo(() => (members.status === 'loaded' ? members.value.map((m) => m.name) : []), [members])
  const viewers = useThreadViewers(session.awareness, drafting ? null : marks.activeId)
  const allowed = canComment(role)
  const ids = useId()

  const track = useRef<HTMLDivElement>(null)
  const cards = useRef(new Map<string, HTMLElement>()).current
  const focusWhenShown = useRef<string | null>(null)
  const newButton = useRef<HTMLButtonElement>(null)

  const { anchored, orphaned } = arrangeThreads(threads, filter, marks.anchorOrder)
  const trackIds = [...(drafting ? [DRAFT_ID] : []), ...anchored.map((t) => t.id)]
  const placement = useMarginLayout(editor, track, trackIds, cards, drafting ? DRAFT_ID : marks.activeId)

  // The editor highlights what the margin shows.
  const shownKey = threads
    .filter((t) => filter === 'all' || t.state === filter)
    .map((t) => t.id)
    .join(' ')
  useEffect(() => {
    const view = mountedView(editor)
    if (view) setShownThreads(view, new Set(shownKey.split(' ').filter(Boolean)))
  }, [editor, shownKey])

  // "Select text first" is old news once text is selected.
  const hasSelection = marks.selection !== null
  useEffect(() => {
    if (hasSelection) setNotice('')
  }, [hasSelection])

  // A draft started from the toolbar or the editor's shortcut: open the composer (if allowed).
  useEffect(() => {
    if (!marks.draft || drafting) return
    const view = mountedView(editor)
    if (!allowed) {
      if (view) setCommentDraft(view, null)
      return
    }
    setDrafting(true)
    setDraftProblem(null)
    focusWhenShown.current = DRAFT_ID
  }, [marks.draft, drafting, allowed, editor])

  // Focus a card once it is placed (hidden until measured, it could not take the focus): a new
  // thread after sending, the thread at the caret after the shortcut, the draft's text box.
  const placed = useRef(placement)
  const focusPending = useCallback((): void => {
    const id = focusWhenShown.current
    const card = id && cards.get(id)
    const { aligned, tops } = placed.current
    if (!id || !card || (aligned && !tops.has(id))) return
    focusWhenShown.current = null
    const target = id === DRAFT_ID ? card.querySelector('textarea') : card
    target?.focus({ preventScroll: aligned })
  }, [cards])
  useEffect(() => {
    placed.current = placement
    focusPending()
  })

  const startComment = useCallback((): void => {
    const view = mountedView(editor)
    if (!view || !allowed) return
    if (!commentableSelection(view.state)) {
      setNotice('Select the text you want to comment on first.')
      return
    }
    setNotice('')
    editor?.commands.commentOnSelection()
  }, [editor, allowed])

  const closeDraft = useCallback(
    (backToText: boolean): void => {
      const view = mountedView(editor)
      setDrafting(false)
      setDraftProblem(null)
      if (!view) return
      setCommentDraft(view, null)
      // A read-only story cannot take the focus: the margin's Comment button is the nearest place.
      if (backToText) {
        if (view.editable) view.focus()
        else newButton.current?.focus()
      }
    },
    [editor],
  )

  // No longer allowed to comment (the role changed): the composer goes.
  useEffect(() => {
    if (drafting && !allowed) closeDraft(false)
  }, [drafting, allowed, closeDraft])

  // A thread opened here and then discarded (it could not be sent) leaves no highlight behind.
  const threadIds = threads.map((t) => t.id).join(' ')
  useEffect(() => {
    const view = mountedView(editor)
    const pending = view && commentHighlightsState(view.state)?.pending
    if (!view || !pending) return
    const known = new Set(threadIds.split(' '))
    for (const id of pending.keys()) if (!known.has(id)) setPendingAnchor(view, id, null)
  }, [editor, threadIds])

  const submitDraft = (body: string): boolean => {
    const view = mountedView(editor)
    const draft = view && commentHighlightsState(view.state)?.draft
    if (!view || !model) return false
    if (!draft) {
      setDraftProblem('The text you selected is gone (deleted meanwhile). Select text again; your comment is kept here.')
      return false
    }
    const anchor = encodeAnchor(view.state, draft)
    if (!anchor) {
      setDraftProblem('The story is not connected yet; try again in a moment.')
      return false
    }
    const threadId = model.create({ ...anchor, quote: view.state.doc.textBetween(draft.from, draft.to, '\n') }, body)
    setPendingAnchor(view, threadId, draft)
    // The selection has its comment now: collapse it, so the "Comment" buttons stop offering another.
    editor?.commands.setTextSelection(draft.to)
    closeDraft(false)
    setActiveThread(view, threadId)
    if (filter === 'resolved') setFilter('open')
    focusWhenShown.current = threadId
    return true
  }

  // Ctrl+Alt+M anywhere while the story's text is selected (a read-only story never has the focus,
  // so the editor's own keymap cannot hear it); with no text selected, it goes to the thread at the caret.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !isCommentShortcut(event)) return
      const view = mountedView(editor)
      if (!view || !(view.hasFocus() || storySelection(view))) return
      event.preventDefault()
      takeBrowserSelection(view)
      if (commentableSelection(view.state)) {
        startComment()
        return
      }
      const plugin = commentHighlightsState(view.state)
      const id = plugin ? threadAt(plugin.anchors, view.state.selection.from, plugin.shown) : null
      if (id) {
        setActiveThread(view, id)
        focusWhenShown.current = id
        focusPending()
        setNotice('')
      } else {
        setNotice('Select the text you want to comment on first.')
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [editor, startComment, focusPending])

  const activate = useCallback(
    (threadId: string): void => {
      const view = mountedView(editor)
      if (view) setActiveThread(view, threadId)
    },
    [editor],
  )

  /** Escape in a card: back to its text (selected, and focused when the story is editable). */
  const leaveCard = useCallback(
    (threadId: string): void => {
      const view = mountedView(editor)
      const range = view && commentHighlightsState(view.state)?.anchors.get(threadId)?.[0]
      if (!view || !editor || !range) return
      editor.chain().setTextSelection(range).scrollIntoView().run()
      if (view.editable) view.focus()
    },
    [editor],
  )

  // One ref callback per card for its lifetime, so memoized cards stay memoized.
  const refs = useRef(new Map<string, (element: HTMLElement | null) => void>()).current
  const cardRef = (id: string) => {
    let ref = refs.get(id)
    if (!ref) {
      ref = (element: HTMLElement | null) => {
        if (element) cards.set(id, element)
        else {
          cards.delete(id)
          refs.delete(id)
        }
      }
      refs.set(id, ref)
    }
    return ref
  }

  const positioned = (id: string) =>
    placement.aligned ? { position: 'absolute' as const, top: `${placement.tops.get(id) ?? 0}px`, visibility: placement.tops.has(id) ? undefined : ('hidden' as const) } : undefined

  const cardFor = (thread: (typeof threads)[number], inTrack: boolean) => (
    <ThreadCard
      key={thread.id}
      ref={cardRef(thread.id)}
      thread={thread}
      model={model!}
      role={role}
      userId={user.id}
      memberNames={memberNames}
      active={!drafting && marks.activeId === thread.id}
      viewers={viewers.get(thread.id) ?? NO_VIEWERS}
      onActivate={activate}
      onLeave={leaveCard}
      top={inTrack && placement.aligned ? (placement.tops.get(thread.id) ?? 0) : null}
      placed={!inTrack || !placement.aligned || placement.tops.has(thread.id)}
    />
  )

  const draftQuote = (() => {
    const view = mountedView(editor)
    if (!view || !marks.draft) return null
    return view.state.doc.textBetween(marks.draft.from, marks.draft.to, '\n')
  })()
  const selection = marks.selection

  return (
    <section className="comments-margin" aria-labelledby={`${ids}-title`} data-testid="comments">
      <div className="comments-margin__header">
        <h2 id={`${ids}-title`} className="comments-margin__title">
          Comments{' '}
          <span className="comments-margin__count" data-testid="open-thread-count">
            {openCount === 0 ? 'none open' : `${openCount} open`}
          </span>
        </h2>
        <div className="comments-margin__filter" role="radiogroup" aria-label="Show comments">
          {THREAD_FILTERS.map((option) => (
            <label key={option.id} className={`comments-margin__filter-option${filter === option.id ? ' comments-margin__filter-option--on' : ''}`}>
              <input type="radio" name={`${ids}-filter`} value={option.id} checked={filter === option.id} onChange={() => setFilter(option.id)} />
              {option.label}
            </label>
          ))}
        </div>
        {allowed && (
          <button
            ref={newButton}
            type="button"
            className="button button--small comments-margin__new"
            disabled={!selection || drafting}
            title={`Comment on the selected text (${shortcutLabel(COMMENT_SHORTCUT)})`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={startComment}
          >
            Comment
          </button>
        )}
        <p className="comments-margin__notice" role="status">
          {notice}
        </p>
      </div>

      <div
        ref={track}
        className={`comments-margin__track${placement.aligned ? ' comments-margin__track--aligned' : ''}`}
        style={placement.aligned ? { height: `${placement.height}px` } : undefined}
      >
        {drafting && (
          <div ref={cardRef(DRAFT_ID)} className="comment-thread comment-thread--draft comment-thread--active" style={positioned(DRAFT_ID)} data-testid="comment-draft">
            {draftQuote !== null && <blockquote className="comment-thread__quote comment-thread__quote--draft">{draftQuote}</blockquote>}
            <CommentComposer
              label="Comment on the selected text"
              submitLabel="Comment"
              placeholder="Comment, or @mention someone"
              memberNames={memberNames}
              onSubmit={submitDraft}
              onCancel={() => closeDraft(true)}
            />
            {draftProblem && (
              <p className="field__error" role="alert">
                {draftProblem}
              </p>
            )}
          </div>
        )}
        {model && anchored.map((thread) => cardFor(thread, true))}
      </div>

      {model && orphaned.length > 0 && (
        <section className="comments-margin__orphans" aria-labelledby={`${ids}-orphans`}>
          <h3 id={`${ids}-orphans`} className="comments-margin__subtitle">
            On deleted text
          </h3>
          {orphaned.map((thread) => cardFor(thread, false))}
        </section>
      )}

      {threads.length === 0 && !drafting && (
        <p className="comments-margin__empty">{allowed ? `No comments yet. Select text and press ${shortcutLabel(COMMENT_SHORTCUT)} to add one.` : 'No comments yet.'}</p>
      )}
      {threads.length > 0 && anchored.length === 0 && orphaned.length === 0 && !drafting && (
        <p className="comments-margin__empty">{filter === 'resolved' ? 'No resolved comments.' : 'No open comments.'}</p>
      )}

      {editor && allowed && selection && !drafting && (
        <FloatingCommentButton editor={editor} from={selection.from} to={selection.to} onComment={startComment} />
      )}
    </section>
  )
}
