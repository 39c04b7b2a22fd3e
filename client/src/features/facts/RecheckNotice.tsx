import type { FactRecord } from '../../../../shared/article/index.ts'
import { RelativeTime } from '../../ui/index.ts'

/**
 * Why a tag needs a recheck: its words changed after they were verified. Shows the verified words
 * (who verified them, when) beside the words now, so the checker sees what changed.
 */
export function RecheckNotice({ record, text }: { record: FactRecord; text: string | null }) {
  if (record.status !== 'needs-recheck') return null
  const verified = record.verifiedText ?? [...record.history].reverse().find((h) => h.to === 'verified')?.text ?? null
  return (
    <div className="fact-recheck" role="note">
      <p className="fact-recheck__title">The words changed after they were verified: check them again.</p>
      <dl className="fact-recheck__texts">
        <dt>
          Verified{record.verifiedBy ? ` by ${record.verifiedBy.name}` : ''}
          {record.verifiedAt && (
            <>
              {' '}
              <RelativeTime iso={record.verifiedAt} />
            </>
          )}
        </dt>
        <dd>
          <q>{verified ?? 'not recorded'}</q>
        </dd>
        <dt>Now</dt>
        <dd>{text === null ? <em>its text was deleted</em> : <q>{text}</q>}</dd>
      </dl>
    </div>
  )
}
