import type { Worker } from 'node:worker_threads'
import { startTsWorker } from '../harness/tsWorker.ts'
import type { EditorThreadData, FromEditorThread, ToEditorThread } from './editorThreadMessages.ts'

type Reply<T extends FromEditorThread['type']> = Extract<FromEditorThread, { type: T }>

/**
 * The main thread's side of one editor thread: send a message, await the thread's next message of
 * the expected type. A thread that fails (an error it reports, or a crash) rejects every wait.
 */
export class EditorThreadHandle {
  private readonly worker: Worker
  private readonly inbox: FromEditorThread[] = []
  private readonly waiters: Array<{ type: FromEditorThread['type']; resolve: (m: FromEditorThread) => void; reject: (e: Error) => void }> = []
  private failure: Error | null = null
  private terminating = false

  constructor(data: EditorThreadData) {
    this.worker = startTsWorker(new URL('./editorThread.ts', import.meta.url), { workerData: data })
    this.worker.on('message', (message: FromEditorThread) => {
      if (message.type === 'failed') this.fail(new Error(`editor thread failed: ${message.message}`))
      else {
        this.inbox.push(message)
        this.deliver()
      }
    })
    this.worker.on('error', (err) => this.fail(err))
    this.worker.on('exit', (code) => {
      if (code !== 0 && !this.terminating) this.fail(new Error(`editor thread exited with ${code}`))
    })
  }

  /** Sends a message to the thread. */
  send(message: ToEditorThread): void {
    this.worker.postMessage(message)
  }

  /** The thread's next message of `type`. */
  next<T extends FromEditorThread['type']>(type: T): Promise<Reply<T>> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiters.push({ type, resolve: resolve as (m: FromEditorThread) => void, reject })
      this.deliver()
    })
  }

  /** Sends a request and awaits its reply. */
  request<T extends FromEditorThread['type']>(message: ToEditorThread, reply: T): Promise<Reply<T>> {
    const answer = this.next(reply)
    this.send(message)
    return answer
  }

  /** Stops the thread. */
  async terminate(): Promise<void> {
    this.terminating = true
    await this.worker.terminate()
  }

  private deliver(): void {
    while (this.waiters.length > 0) {
      const waiter = this.waiters[0]!
      const index = this.inbox.findIndex((m) => m.type === waiter.type)
      if (index < 0) return
      this.waiters.shift()
      waiter.resolve(this.inbox.splice(index, 1)[0]!)
    }
  }

  private fail(err: Error): void {
    this.failure ??= err
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure)
  }
}
