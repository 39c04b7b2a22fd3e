import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const clientDir = fileURLToPath(new URL('.', import.meta.url))
const apiServer = `http://localhost:${process.env.PORT ?? 3000}`

/**
 * The browser client's build: root is client/, output client/dist (served by the API server).
 * `vite` (dev) serves on 5173 and proxies the API, health check and Socket.IO to the API server.
 */
export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiServer },
      '/healthz': { target: apiServer },
      '/socket.io': { target: apiServer, ws: true },
    },
  },
})
