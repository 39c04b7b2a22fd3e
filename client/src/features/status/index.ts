export { StatusBar } from './StatusBar.tsx'
export { WORD_COUNT_INTERVAL_MS, useWordCount } from './useWordCount.ts'
