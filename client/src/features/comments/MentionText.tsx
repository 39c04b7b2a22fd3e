import { useMemo } from 'react'
import { mentionSegments } from './mentions.ts'

/**
 * A message body as text, with `@Name` mentions of article members highlighted. Rendered by React
 * as text nodes: whatever a body holds, it is never markup.
 */
export function MentionText({ body, names }: { body: string; names: readonly string[] }) {
  const segments = useMemo(() => mentionSegments(body, names), [body, names])
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'mention' ? (
          <span key={index} className="comment-mention" title={`Mentions ${segment.name}`}>
            {segment.text}
          </span>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
