import type { TraceName } from '../harness/options.ts'
import type { Scenario } from './scenario.ts'

export interface B3Options {
  traces: TraceName[]
  window: number
}

/** B3: replays a real editing trace through the Galley server as one client. */
export function b3TraceReplay(options: B3Options): Scenario {
  return {
    id: 'B3',
    title: `B3 trace replay (${options.traces.join(', ')}; window ${options.window})`,
    run: async () => 'todo',
  }
}
