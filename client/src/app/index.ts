export { AppHeader } from './AppHeader.tsx'
export { AppShell } from './AppShell.tsx'
