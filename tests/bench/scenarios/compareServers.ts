import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import { printServerProfile } from '../harness/cpuProfile.ts'
import { startGalleyServer, startReferenceServer, type ServerProcess } from '../harness/serverProcess.ts'
import { runEditLoad, type EditLoadResult, type EditLoadSpec } from './editLoad.ts'
import { loadComparisonTable } from './loadReport.ts'
import type { ScenarioContext } from './scenario.ts'

/** Other processes' CPU during a window (share of one core) above which a load's numbers are flagged as noisy. */
const NOISY_OTHER_CPU_SHARE = 0.2

/**
 * Runs the same editing load against each selected server in turn, each freshly started as a child
 * process (so its CPU and peak memory are this load's alone), and returns the comparison table.
 */
export async function compareServers(label: string, spec: EditLoadSpec, context: ScenarioContext): Promise<string> {
  let galley: EditLoadResult | null = null
  let reference: EditLoadResult | null = null
  for (const kind of context.servers) {
    const options = { label, profileDir: context.profileDir, perfMap: context.perfMap }
    const server: ServerProcess =
      kind === 'galley'
        ? await startGalleyServer({ ...options, dataDir: mkdtempSync(path.join(context.tempDir, `${label}-galley-`)) })
        : await startReferenceServer(options)
    try {
      console.log(`  ${kind}: pid ${server.pid}, port ${server.port}; connecting ${spec.articles * spec.clientsPerArticle} clients…`)
      const result = await runEditLoad(server, spec)
      console.log(
        `  ${kind}: ${result.edits.toLocaleString('en-US')} edits, ${result.deliveredInWindow.toLocaleString('en-US')} deliveries in the window`,
      )
      if (result.otherCpuShare > NOISY_OTHER_CPU_SHARE) {
        console.log(
          `  ${kind}: other processes used ${(result.otherCpuShare * 100).toFixed(0)} % of a core during the window: these numbers are noisy, rerun on a quiet machine`,
        )
      }
      if (kind === 'galley') galley = result
      else reference = result
    } finally {
      await server.stop()
    }
    printServerProfile(server)
  }
  return loadComparisonTable(galley, reference)
}
