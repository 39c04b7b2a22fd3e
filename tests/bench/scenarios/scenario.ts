import type { ServerKind } from '../harness/serverProcess.ts'

/** What every scenario gets from the command line. */
export interface ScenarioContext {
  /** The servers to run load scenarios against (B3 always runs on Galley). */
  servers: readonly ServerKind[]
  seed: number
  /** When set, servers run with `--cpu-prof` and write their profiles here. */
  profileDir: string | undefined
  /** Servers run with `--perf-basic-prof` (for `perf record`). */
  perfMap: boolean
  /** B1/B2: rounds of each server, taking turns. */
  rounds: number
  /** Folder for the scenario's temporary server data; removed by the runner afterwards. */
  tempDir: string
}

/** A named benchmark scenario that prints its numbers and returns a Markdown summary of them. */
export interface Scenario {
  id: string
  title: string
  run(context: ScenarioContext): Promise<string>
}
