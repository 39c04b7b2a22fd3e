import { useEffect, useId, useRef } from 'react'
import type { NewApiToken } from '../../../../shared/auth/index.ts'
import { CopyButton, formatLocalTime } from '../../ui/index.ts'

/**
 * A token just created: its secret in a read-only field with a Copy button and the warning that it
 * is shown this once. Focus moves here so keyboard and screen-reader users find it at once.
 */
export function NewTokenSecret({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const ids = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="token-secret" aria-labelledby={`${ids}-title`} data-testid="token-secret">
      <h3 id={`${ids}-title`} ref={heading} tabIndex={-1} className="section-subtitle">
        Your new token “{token.name}”
      </h3>
      <p className="token-secret__warning">
        Copy it now and keep it somewhere safe, such as your CI’s secret store. Galley does not keep it in a form it can show
        again: once you leave this page it cannot be seen again.
      </p>
      <div className="field">
        <label htmlFor={`${ids}-secret`}>Token (expires {formatLocalTime(token.expiresAt)})</label>
        <div className="token-secret__row">
          <input
            id={`${ids}-secret`}
            className="token-secret__value"
            type="text"
            value={token.token}
            readOnly
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.target.select()}
          />
          <CopyButton text={token.token} label="Copy the token" fieldId={`${ids}-secret`} />
        </div>
        <p className="field__hint">
          Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>
      <button type="button" className="button" onClick={onDone}>
        I have copied it
      </button>
    </section>
  )
}
