import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ModalProps {
  /** The dialog's visible title; it is also its accessible name. */
  title: string
  /** A sentence under the title, read as the dialog's description. */
  description?: ReactNode
  /** Called when the dialog closes: Escape, the Close button, or the caller's own action. */
  onClose: () => void
  children: ReactNode
  className?: string
  testId?: string
}

/**
 * A modal dialog: a native <dialog> opened with showModal(), so focus moves into it, Tab stays
 * inside, the page behind is inert and Escape closes it. Focus starts on the child marked
 * `data-autofocus` (else the first focusable one) and goes back to what had it before
 * (the button that opened it) when it closes. Mount it to open it, unmount it to close it.
 */
export function Modal({ title, description, onClose, children, className, testId }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  const ids = useId()

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // showModal focuses the first focusable element; a child marked data-autofocus takes precedence.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      // Unmounting removes the element from the top layer; give focus back to the opener.
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className={`modal ${className ?? ''}`}
      data-testid={testId}
      aria-labelledby={`${ids}-title`}
      aria-describedby={description ? `${ids}-description` : undefined}
      // Escape (cancel) and close() both end in `close`: the owner unmounts the dialog.
      onClose={() => onCloseRef.current()}
    >
      <div className="modal__header">
        <h2 id={`${ids}-title`} className="modal__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
      {description && (
        <p id={`${ids}-description`} className="modal__description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  )
}
