import { compareServers } from './compareServers.ts'
import type { Scenario } from './scenario.ts'

export interface B1Options {
  clients: number
  seconds: number
  editsPerSecond: number
  warmupSeconds: number
  clientThreads: number
}

/** B1: every client edits the same article; each edit must reach every other client. */
export function b1OneArticle(options: B1Options): Scenario {
  return {
    id: 'B1',
    title: `B1 one article, ${options.clients} clients (${options.seconds} s, ${options.editsPerSecond} edits/s each)`,
    run: (context) =>
      compareServers(
        'B1',
        {
          articles: 1,
          clientsPerArticle: options.clients,
          seconds: options.seconds,
          editsPerSecond: options.editsPerSecond,
          warmupSeconds: options.warmupSeconds,
          clientThreads: options.clientThreads,
          seed: context.seed,
        },
        context,
      ),
  }
}
