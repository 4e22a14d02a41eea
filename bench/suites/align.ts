/**
 * Alignment speed in Node: `alignArticles` on two SYNTHETIC 100-paragraph articles about one event (written as
 * raw text and run through the real ingest pipeline, so sentences, quotes, speakers and entities are what the
 * pipeline finds), and on one of them compared with itself (every passage shares everything: the most
 * candidate pairs alignment can meet). Median of 25 runs after warming up (at least 20 runs and 1.5 s).
 * Budget: 20 ms.
 */
import { performance } from 'node:perf_hooks'
import { alignArticles } from '../../src/core/align'
import type { Article } from '../../src/core/schema'
import { median } from '../lib/stats'
import { syntheticPair } from '../lib/synthetic'
import type { BenchResult } from '../types'

const budgetMs = 20
const runs = 25
// Steady state, as in a long-lived worker or the build: V8 optimises hot functions on background
// threads, which on a busy machine can take many runs, so warm up by count and by time.
const minWarmups = 20
const minWarmupMs = 1500

function timeAlign(left: Article, right: Article): { ms: number; fastest: number; links: number } {
  let links = 0
  const warmupStart = performance.now()
  for (let i = 0; i < minWarmups || performance.now() - warmupStart < minWarmupMs; i++) {
    links = alignArticles(left, right).links.length
  }
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    alignArticles(left, right)
    times.push(performance.now() - start)
  }
  return { ms: median(times), fastest: Math.min(...times), links }
}

export async function run(): Promise<BenchResult[]> {
  const { left, right } = syntheticPair(100)
  const describe = (a: Article) =>
    `${a.paragraphs.length} paragraphs, ${a.sentences.length} sentences, ${a.quotes.length} quotes`
  const pair = timeAlign(left, right)
  const self = timeAlign(left, left)
  return [
    {
      name: 'align: two 100-paragraph articles',
      value: pair.ms,
      unit: 'ms',
      budget: { max: budgetMs },
      note: `synthetic pair (${describe(left)} | ${describe(right)}), ${pair.links} links, Node, median of ${runs}`,
    },
    {
      // No budget: on a machine shared with other work the median measures the machine as much as the
      // code; the fastest run shows what the code costs when it gets a core to itself.
      name: 'align: two 100-paragraph articles, fastest run',
      value: pair.fastest,
      unit: 'ms',
      note: `same pair, fastest of ${runs} (for comparison with the median on a busy machine)`,
    },
    {
      name: 'align: a 100-paragraph article with itself',
      value: self.ms,
      unit: 'ms',
      budget: { max: budgetMs },
      note: `synthetic (${describe(left)}), ${self.links} links, Node, median of ${runs}`,
    },
  ]
}
