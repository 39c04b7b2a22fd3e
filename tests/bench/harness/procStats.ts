import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let ticksPerSecond: number | null = null

/** Kernel clock ticks per second (USER_HZ), which /proc/<pid>/stat counts CPU time in. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/**
 * CPU time (user + system, all threads) a process has used so far, in milliseconds, from
 * /proc/<pid>/stat. Resolution is one clock tick (10 ms on Linux), fine over seconds of load.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Field 2 (comm) is in parentheses and may contain spaces: split after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After comm, fields start at 3 (state); utime is field 14 and stime field 15.
  const utime = Number(fields[14 - 3])
  const stime = Number(fields[15 - 3])
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new RangeError(`cannot read CPU times from /proc/${pid}/stat`)
  return ((utime + stime) * 1000) / clockTicksPerSecond()
}

/** A memory figure of /proc/<pid>/status in bytes: `VmHWM` is the peak resident set, `VmRSS` the current one. */
export function processMemoryBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)
  if (!match) throw new RangeError(`no ${field} in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}

/** The command line of a process, to check that a pid is the server we meant to measure. */
export function processCommandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
}

/**
 * CPU time all processes on the machine have used since boot (every state but idle and iowait), in
 * milliseconds, from /proc/stat. Minus the server's and the bench's own, it shows other load that
 * shared the machine during a measurement.
 */
export function machineBusyCpuMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  if (ticks.length < 5 || ticks.some((n) => !Number.isFinite(n))) throw new RangeError('cannot read /proc/stat')
  const total = ticks.reduce((a, b) => a + b, 0)
  const idle = ticks[3]! + ticks[4]!
  return ((total - idle) * 1000) / clockTicksPerSecond()
}
