export { CopyButton } from './CopyButton.tsx'
export { Modal } from './Modal.tsx'
export { RelativeTime } from './RelativeTime.tsx'
export { formatLocalTime, formatRelativeTime } from './relativeTime.ts'
