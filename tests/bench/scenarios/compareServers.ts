import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import { printServerProfile } from '../harness/cpuProfile.ts'
import { startGalleyServer, startReferenceServer, type ServerKind, type ServerProcess } from '../harness/serverProcess.ts'
import { runEditLoad, type EditLoadResult, type EditLoadSpec } from './editLoad.ts'
import { loadComparisonTable, roundsSummaryTable, type RoundResults } from './loadReport.ts'
import type { ScenarioContext } from './scenario.ts'

/** Other processes' CPU during a window (share of one core) above which a load's numbers are flagged as noisy. */
const NOISY_OTHER_CPU_SHARE = 0.2

/**
 * Runs the same editing load against each selected server in turn, each freshly started as a child
 * process (so its CPU and peak memory are this load's alone), and returns the comparison table.
 * With several rounds (`--rounds`), the servers take turns, in the opposite order every other round
 * so that a machine that slows down or speeds up during the run favours neither; each round's table
 * is printed as it finishes, and the returned summary gives every round's target metrics and their
 * medians.
 */
export async function compareServers(label: string, spec: EditLoadSpec, context: ScenarioContext): Promise<string> {
  const rounds: RoundResults[] = []
  for (let round = 1; round <= context.rounds; round++) {
    if (context.rounds > 1) console.log(`\n  round ${round} of ${context.rounds}`)
    const order = round % 2 === 1 ? context.servers : [...context.servers].reverse()
    const results: RoundResults = { galley: null, reference: null }
    // Each round's servers get their own profile folders.
    const roundLabel = context.rounds > 1 ? `${label}-round${round}` : label
    for (const kind of order) results[kind] = await runOne(kind, roundLabel, spec, context)
    rounds.push(results)
    if (context.rounds > 1) console.log(`\n${loadComparisonTable(results.galley, results.reference)}`)
  }
  if (rounds.length === 1) return loadComparisonTable(rounds[0]!.galley, rounds[0]!.reference)
  return roundsSummaryTable(rounds)
}

async function runOne(kind: ServerKind, label: string, spec: EditLoadSpec, context: ScenarioContext): Promise<EditLoadResult> {
  const options = { label, profileDir: context.profileDir, perfMap: context.perfMap }
  const server: ServerProcess =
    kind === 'galley'
      ? await startGalleyServer({ ...options, dataDir: mkdtempSync(path.join(context.tempDir, `${label}-galley-`)) })
      : await startReferenceServer(options)
  let result: EditLoadResult
  try {
    console.log(`  ${kind}: pid ${server.pid}, port ${server.port}; connecting ${spec.articles * spec.clientsPerArticle} clients…`)
    result = await runEditLoad(server, spec)
    console.log(
      `  ${kind}: ${result.edits.toLocaleString('en-US')} edits, ${result.deliveredInWindow.toLocaleString('en-US')} deliveries in the window`,
    )
    if (result.otherCpuShare > NOISY_OTHER_CPU_SHARE) {
      console.log(
        `  ${kind}: other processes used ${(result.otherCpuShare * 100).toFixed(0)} % of a core during the window: these numbers are noisy, rerun on a quiet machine`,
      )
    }
  } finally {
    await server.stop()
  }
  printServerProfile(server)
  return result
}
