/** Formats a number for a results table: thousands separators, `digits` decimals, `—` for none. */
export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || Number.isNaN(value)) return '—'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** A ratio a / b to two decimals with a trailing ×, or `—` when either side is missing. */
export function formatRatio(a: number | null, b: number | null): string {
  if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b) || b === 0) return '—'
  return `${(a / b).toFixed(2)}×`
}

/**
 * Lays out rows as a Markdown table (readable in a terminal and pastable into docs/benchmarks.md):
 * the first column left-aligned, the others right-aligned.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ')} |`
  const rule = `|${widths.map((w, col) => (col === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}
