/**
 * `npm run bench`: runs every suite in bench/suites/ (or only those named on the command line), prints a
 * table, and exits non-zero when a budget breaks. Not part of `npm test`.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchResult, BenchSuite } from './types'

const suitesDir = path.join(import.meta.dirname, 'suites')
const only = process.argv.slice(2)

function verdict(r: BenchResult): 'ok' | 'FAIL' | '' {
  if (!r.budget) return ''
  if (r.budget.max !== undefined && r.value > r.budget.max) return 'FAIL'
  if (r.budget.min !== undefined && r.value < r.budget.min) return 'FAIL'
  return 'ok'
}

function budgetText(r: BenchResult): string {
  if (!r.budget) return ''
  if (r.budget.max !== undefined) return `≤ ${r.budget.max} ${r.unit}`
  if (r.budget.min !== undefined) return `≥ ${r.budget.min} ${r.unit}`
  return ''
}

const files = (await readdir(suitesDir)).filter((f) => /\.ts$/.test(f)).sort()
const results: BenchResult[] = []
let failedSuites = 0
for (const file of files) {
  const name = file.replace(/\.ts$/, '')
  if (only.length > 0 && !only.includes(name)) continue
  process.stderr.write(`bench: ${name}...\n`)
  try {
    const suite = (await import(pathToFileURL(path.join(suitesDir, file)).href)) as BenchSuite
    results.push(...(await suite.run()))
  } catch (error) {
    failedSuites += 1
    console.error(`bench: suite ${name} failed:`, error)
  }
}

const rows = results.map((r) => [
  r.name,
  `${Number(r.value.toFixed(2))} ${r.unit}`,
  budgetText(r),
  verdict(r),
  r.note ?? '',
])
const header = ['measure', 'value', 'budget', 'verdict', 'note']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
console.log(line(header))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const row of rows) console.log(line(row))

const broken = results.filter((r) => verdict(r) === 'FAIL')
if (broken.length > 0 || failedSuites > 0) {
  console.error(`bench: ${broken.length} budget(s) broken, ${failedSuites} suite(s) failed`)
  process.exit(1)
}
