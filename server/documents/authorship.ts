import * as Y from 'yjs'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

/** What an update would add: the client ids of its new structs, and (when asked) whether it deletes anything not yet deleted. */
export interface UpdateEffect {
  newClients: Set<number>
  deletesSomething: boolean
}

/**
 * Decodes an update and compares it with the document; throws `bad-update` when it does not decode.
 * Checking the deletions walks the whole document, so it is done only when `withDeletes` is set
 * (read-only users, whose sync replies repeat deletions the server already has).
 */
export function updateEffect(doc: Y.Doc, update: Uint8Array, withDeletes: boolean): UpdateEffect {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    throw new GalleyError(ErrorCode.badUpdate, 'the update does not decode as a Yjs update')
  }
  const newClients = new Set<number>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) newClients.add(struct.id.client)
  }
  let deletesSomething = false
  const deleted = withDeletes && decoded.ds.clients.size > 0 ? Y.createDeleteSetFromStructStore(doc.store) : null
  outer: for (const [client, items] of deleted ? decoded.ds.clients : []) {
    for (const item of items) {
      for (let clock = item.clock; clock < item.clock + item.len; clock++) {
        if (!Y.isDeleted(deleted!, new Y.ID(client, clock)) && clock < Y.getState(doc.store, client)) {
          deletesSomething = true
          break outer
        }
      }
    }
  }
  return { newClients, deletesSomething }
}

/**
 * Which user owns which Yjs client id in one document (docs/access.md A7). A client id belongs to
 * the user who first wrote with it; ids that wrote before anyone claimed them (server changes,
 * content from before accounts) and the server's own id belong to nobody who may write.
 */
export class ClientIdOwners {
  constructor(
    private readonly owners: Map<number, string>,
    private readonly doc: Y.Doc,
  ) {}

  /**
   * The ids `userId` would newly claim by writing structs with `clients`; throws `forbidden` when
   * one belongs to someone else.
   */
  check(userId: string, clients: Iterable<number>): number[] {
    const claims: number[] = []
    for (const client of clients) {
      const owner = this.owners.get(client)
      if (owner === userId) continue
      if (owner !== undefined || client === this.doc.clientID || Y.getState(this.doc.store, client) > 0) {
        throw new GalleyError(ErrorCode.forbidden, `Yjs client id ${client} belongs to another writer; use a client id of your own`)
      }
      claims.push(client)
    }
    return claims
  }

  /** Records claims that check() allowed. */
  claim(userId: string, clients: number[]): void {
    for (const client of clients) this.owners.set(client, userId)
  }
}
