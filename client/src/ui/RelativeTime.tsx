import { useEffect, useState } from 'react'
import { formatLocalTime, formatRelativeTime } from './relativeTime.ts'

/** A <time> showing "5 minutes ago", with the local date and time as its tooltip; refreshes each minute. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  const local = formatLocalTime(iso)
  return (
    <time dateTime={iso} title={local}>
      {formatRelativeTime(iso, now) || local}
    </time>
  )
}
