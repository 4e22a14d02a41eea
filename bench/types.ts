/** One measured figure. A budget with `max` fails when value > max; with `min`, when value < min. */
export type BenchResult = {
  name: string
  value: number
  unit: string
  budget?: { max?: number; min?: number }
  /** What was measured on what (e.g. "synthetic corpus of 1,000 articles shaped like the seeds"). */
  note?: string
}

/** Each file in bench/suites/ exports `run`; bench/run.ts runs them in name order. */
export type BenchSuite = { run: () => Promise<BenchResult[]> }
