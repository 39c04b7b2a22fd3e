import * as Y from 'yjs'
import { articleShapeProblem } from '../../shared/article/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

/**
 * Checks a client's update before it touches a live document. Yjs can throw halfway through
 * applying a corrupt update after it already changed the document (and emitted the partial change),
 * so every update is first decoded, then applied to a shadow copy that mirrors the live document;
 * only an update the shadow took cleanly, and that keeps the article's shape (articleShapeProblem),
 * goes on to the live document. A shadow that choked or was bent out of shape is thrown away and
 * rebuilt from the live document before the next check.
 */
export class UpdateGuard {
  private shadow: Y.Doc | null = null

  constructor(private readonly live: Y.Doc) {}

  /** Throws GalleyError `bad-update` when the update must not be applied; otherwise the shadow has it. */
  check(update: Uint8Array): void {
    try {
      Y.decodeUpdate(update)
    } catch {
      throw new GalleyError(ErrorCode.badUpdate, 'the update does not decode as a Yjs update')
    }
    const shadow = this.ensureShadow()
    let problem: string | null
    try {
      Y.applyUpdate(shadow, update)
      problem = articleShapeProblem(shadow, this.live)
    } catch {
      problem = 'the update cannot be applied to this article'
    }
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
