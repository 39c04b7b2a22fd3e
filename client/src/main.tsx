import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { GalleyConnection } from './collab/index.ts'
import { browserStorage, createIdentityStore } from './features/identity/index.ts'
import { AppServicesContext, type AppServices } from './services/index.ts'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Built once for the page: one connection to this origin for every view, one identity per browser.
const services: AppServices = {
  connection: new GalleyConnection(),
  identity: createIdentityStore(browserStorage(), window),
}

createRoot(root).render(
  <StrictMode>
    <AppServicesContext value={services}>
      <App />
    </AppServicesContext>
  </StrictMode>,
)
