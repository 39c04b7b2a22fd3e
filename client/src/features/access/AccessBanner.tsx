import { Link } from 'react-router'
import type { ArticleAccess } from '../../collab/index.ts'
import { accessNotice, type AccessNotice } from './accessNotice.ts'

/**
 * The line above the story saying why it cannot be edited: a read-only role in a polite status
 * region (so a role change while reading is announced), access removed or a refused write in an
 * alert. Both regions are always in the page, as live regions must be to be heard.
 */
export function AccessBanner({ access }: { access: ArticleAccess }) {
  const notice = accessNotice(access)
  const info = notice?.kind === 'info' ? notice : null
  const alarm = notice && notice.kind !== 'info' ? notice : null
  return (
    <>
      <div role="status">{info && <Banner notice={info} />}</div>
      <div role="alert">{alarm && <Banner notice={alarm} />}</div>
    </>
  )
}

function Banner({ notice }: { notice: AccessNotice }) {
  return (
    <div className={`access-banner access-banner--${notice.kind}`} data-testid="access-banner">
      <p>{notice.text}</p>
      {notice.kind === 'removed' && (
        <p>
          <Link to="/">Go to the article list</Link>
        </p>
      )}
    </div>
  )
}
