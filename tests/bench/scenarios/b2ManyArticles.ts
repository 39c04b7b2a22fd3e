import { compareServers } from './compareServers.ts'
import type { Scenario } from './scenario.ts'

export interface B2Options {
  articles: number
  clientsPerArticle: number
  seconds: number
  editsPerSecond: number
  warmupSeconds: number
  clientThreads: number
}

/** B2: many small rooms at once, as in a newsroom where each story has a few editors. */
export function b2ManyArticles(options: B2Options): Scenario {
  return {
    id: 'B2',
    title: `B2 ${options.articles} articles × ${options.clientsPerArticle} clients (${options.seconds} s, ${options.editsPerSecond} edits/s each)`,
    run: (context) =>
      compareServers(
        'B2',
        {
          articles: options.articles,
          clientsPerArticle: options.clientsPerArticle,
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
