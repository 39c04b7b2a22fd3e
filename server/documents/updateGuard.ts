import * as Y from 'yjs'
import { ArticleRoot, articleShapeProblem } from '../../shared/article/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

/**
 * Checks a client's update before it touches a live document. Yjs can throw halfway through
 * applying a corrupt update after it already changed the document (and emitted the partial change),
 * so every update is first decoded, then applied to a shadow copy that mirrors the live document;
 * only an update the shadow took cleanly, and that keeps the article's shape (articleShapeProblem),
 * goes on to the live document. A shadow that choked or was bent out of shape is thrown away and
 * rebuilt from the live document before the next check. The `facts` and `threads` records are the
 * server's to write (through validated commands, A5): a client update that touches them is refused.
 */
export class UpdateGuard {
  private shadow: Y.Doc | null = null

  constructor(private readonly live: Y.Doc) {}

  /**
   * Throws GalleyError `bad-update` when the update must not be applied; otherwise the shadow has it.
   * `decoded`: the caller has already decoded it successfully (the registry does, for authorship),
   * so the decode is not repeated on the hot path.
   */
  check(update: Uint8Array, decoded = false): void {
    if (!decoded) {
      try {
        Y.decodeUpdate(update)
      } catch {
        throw new GalleyError(ErrorCode.badUpdate, 'the update does not decode as a Yjs update')
      }
    }
    const shadow = this.ensureShadow()
    let problem: string | null
    let touched: Set<string> = new Set()
    const collect = (tr: Y.Transaction) => {
      touched = rootsChanged(tr)
    }
    shadow.on('afterTransaction', collect)
    try {
      Y.applyUpdate(shadow, update)
      // Only a change at or below `meta` can bend its shape (Yjs lists a replaced or deleted field under meta).
      problem = touched.has(ArticleRoot.meta) ? articleShapeProblem(shadow, this.live) : null
      for (const root of SERVER_ROOTS) if (touched.has(root)) problem ??= `${root} may only be changed through commands`
    } catch {
      problem = 'the update cannot be applied to this article'
    }
    shadow.off('afterTransaction', collect)
    if (problem !== null) {
      shadow.destroy()
      this.shadow = null
      throw new GalleyError(ErrorCode.badUpdate, problem)
    }
  }

  /** Mirrors a change the live document made without going through check() (server changes). */
  mirror(update: Uint8Array): void {
    if (this.shadow) Y.applyUpdate(this.shadow, update)
  }

  /** Releases the shadow. */
  destroy(): void {
    this.shadow?.destroy()
    this.shadow = null
  }

  private ensureShadow(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: this.live.gc })
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.live))
    }
    return this.shadow
  }
}

/** Root types only the server writes. */
const SERVER_ROOTS = [ArticleRoot.facts, ArticleRoot.threads, ArticleRoot.dismissed, ArticleRoot.workflow]

/** The names of the root types a transaction changed (directly or below them). */
function rootsChanged(tr: Y.Transaction): Set<string> {
  const roots = new Set<string>()
  for (const type of tr.changed.keys()) {
    let t: Y.AbstractType<any> = type
    while (t._item !== null) t = t._item.parent as Y.AbstractType<any>
    roots.add(Y.findRootTypeKey(t))
  }
  return roots
}
