import { useState, type ReactNode } from 'react'
import { NameDialog, pickColor, useIdentity } from '../features/identity/index.ts'
import { AppHeader } from './AppHeader.tsx'

/**
 * What every page shares: a skip link, the header, and the name dialog — shown on a first visit
 * (a name is required) and when the user asks to change their name.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useIdentity()
  const [changing, setChanging] = useState(false)
  const [suggestedColor] = useState(() => pickColor())

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader identity={identity} onChangeName={() => setChanging(true)} />
      {children}
      {(identity === null || changing) && (
        <NameDialog
          current={identity}
          suggestedColor={suggestedColor}
          onSave={(name, color) => {
            setIdentity(name, color)
            setChanging(false)
          }}
          onCancel={identity === null ? undefined : () => setChanging(false)}
        />
      )}
    </>
  )
}
