import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts a worker thread running a TypeScript module. Node does not give workers the tsx loader of
 * the main thread, so the worker registers tsx's ESM hooks itself before importing the module.
 */
export function startTsWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api')
  const source = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}) })`
  return new Worker(source, { ...options, eval: true })
}
