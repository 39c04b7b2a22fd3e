import { createHmac } from 'node:crypto'
import type { Logger } from 'pino'

/** How long one delivery may take. */
const TIMEOUT_MS = 10_000

/** The signature header: `sha256=` and the hex HMAC-SHA256 of the raw body with the shared secret. */
export const SIGNATURE_HEADER = 'x-galley-signature'

/** Signs a webhook body. Receivers compute the same over the raw bytes and compare in constant time. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** What a publication notice says. */
export interface PublishNotice {
  event: 'article.published'
  articleId: string
  version: number
  uri: string
  publishedAt: string
  note: string
}

/**
 * Posts a signed notice of each publication to the configured URL (docs/publishing.md). Fire and
 * forget: publishing never waits for or fails because of the receiver; failures are logged.
 */
export function sendPublishNotice(webhook: { url: string; secret: string }, notice: PublishNotice, logger: Logger): void {
  const body = JSON.stringify(notice)
  fetch(webhook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhookBody(body, webhook.secret) },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then(
    (res) => {
      if (!res.ok) logger.warn({ status: res.status, articleId: notice.articleId, version: notice.version }, 'publish webhook answered with an error')
      void res.body?.cancel()
    },
    (err: unknown) => logger.warn({ err, articleId: notice.articleId, version: notice.version }, 'publish webhook failed'),
  )
}
