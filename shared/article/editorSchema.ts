import { getSchema, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import type { Schema } from '@tiptap/pm/model'
import { CommentMark } from './commentMark.ts'
import { FactMark } from './factMark.ts'

/** Heading levels the body allows: the headline is metadata, so the body has subheadings only. */
export const BODY_HEADING_LEVELS = [2, 3] as const

/**
 * The editor's document schema as Tiptap extensions, shared by the browser editor and the server
 * (which reads and converts the body without a DOM). Left out on purpose: undo/redo (collaborative
 * undo is Y.UndoManager's job; ProseMirror history beside it would undo other people's typing) and
 * the trailing-node plugin (every open editor appends its own empty paragraph after a final heading
 * when a change arrives, and the copies all merge into the story).
 */
export const articleExtensions: AnyExtension[] = [
  StarterKit.configure({
    undoRedo: false,
    trailingNode: false,
    code: false,
    codeBlock: false,
    heading: { levels: [...BODY_HEADING_LEVELS] },
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
  }),
  CommentMark,
  FactMark,
]

/** The ProseMirror schema built from articleExtensions. */
export const articleSchema: Schema = getSchema(articleExtensions)
