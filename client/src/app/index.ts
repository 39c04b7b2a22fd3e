export { AppHeader } from './AppHeader.tsx'
export { AppShell } from './AppShell.tsx'
export { ConnectionProvider } from './ConnectionProvider.tsx'
export { SignedIn } from './SignedIn.tsx'
