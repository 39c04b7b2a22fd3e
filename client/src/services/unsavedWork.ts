/**
 * The views of this page whose changes exist only here right now (neither stored on the server nor
 * kept in this browser's offline copy), so that leaving in ways the browser's own `beforeunload`
 * prompt cannot cover, such as signing out, can ask first. One page, one set.
 */
const atRisk = new Set<object>()

/** Records whether `owner` (a view) holds changes that would be lost if the page went away now. */
export function markUnsavedWork(owner: object, risky: boolean): void {
  if (risky) atRisk.add(owner)
  else atRisk.delete(owner)
}

/** True while some view holds changes that exist only in this page. */
export function hasUnsavedWork(): boolean {
  return atRisk.size > 0
}
