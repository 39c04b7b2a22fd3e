import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { onSessionEnded } from './api/index.ts'
import { AuthStore, syncAuthAcrossTabs } from './auth/index.ts'
import { AppServicesContext, UserConnection, type AppServices } from './services/index.ts'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Built once for the page: who is signed in, and that user's one connection to this origin.
const services: AppServices = { auth: new AuthStore(), connection: new UserConnection() }
// A 401 anywhere means the session ended; nobody signed in (or someone else) means the open
// connection, which carried the previous session's cookie, must go.
onSessionEnded(() => services.auth.sessionEnded())
services.auth.subscribe(() => {
  if (services.connection.userId !== null && services.connection.userId !== services.auth.user?.id) services.connection.close()
})
syncAuthAcrossTabs(services.auth)
void services.auth.load()

createRoot(root).render(
  <StrictMode>
    <AppServicesContext value={services}>
      <App />
    </AppServicesContext>
  </StrictMode>,
)
