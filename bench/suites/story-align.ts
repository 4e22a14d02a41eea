/**
 * Story alignment (issue 19): `alignStory` on the invented fixture stories of test/fixtures/stories (several
 * outlets each, with a hand-made gold set of facts and quotes): link precision and recall, for the stories
 * tuned on and the held-out check story separately; links drawn to an article the gold calls unrelated; and
 * the time to align a SYNTHETIC story of 10 articles of 100 paragraphs each (five synthetic pairs, each about
 * its own event, run through the real ingest pipeline), median of runs after warming up — and, since the
 * machine's speed changes from hour to hour, that time against the pair figure (`alignArticles` on the
 * synthetic 100-paragraph pair of the align suite) timed in the same runs, interleaved.
 *
 * `PARALLAX_STORY_SPLITS=tune` scores only the stories tuned on (while tuning, the check story stays unread).
 */
import { performance } from 'node:perf_hooks'
import { alignArticles } from '../../src/core/align'
import { alignStory } from '../../src/core/align/story'
import type { Article } from '../../src/core/schema'
import { loadStories, scoreStory } from '../../test/fixtures/stories/story-fixture'
import { median } from '../lib/stats'
import { syntheticPair } from '../lib/synthetic'
import type { BenchResult } from '../types'

const runs = 15
/** Pair runs after each story run: the pair is short, so more runs keep its median as steady. */
const pairsPerRun = 3
const minWarmups = 10
const minWarmupMs = 1500

function quality(split: 'tune' | 'check'): BenchResult[] {
  const stories = loadStories(split)
  let links = 0
  let correct = 0
  let found = 0
  let required = 0
  let unrelated = 0
  for (const story of stories) {
    const s = scoreStory(story, alignStory(story.articles).links)
    links += s.links
    correct += s.correct
    found += s.found
    required += s.required
    unrelated += s.unrelatedLinks
  }
  const what = `${stories.length} invented ${split} stor${stories.length === 1 ? 'y' : 'ies'} (${stories
    .map((s) => `${s.name}: ${s.articles.length} articles`)
    .join(', ')})`
  return [
    {
      name: `story-align: link precision (${split})`,
      value: links > 0 ? correct / links : 1,
      unit: 'ratio',
      budget: { min: 0.95 },
      note: `${correct} of ${links} links in the gold; ${what}`,
    },
    {
      name: `story-align: link recall (${split})`,
      value: required > 0 ? found / required : 1,
      unit: 'ratio',
      budget: { min: 0.9 },
      note: `${found} of ${required} (fact, article pair) links found; ${what}`,
    },
    {
      name: `story-align: links to unrelated articles (${split})`,
      value: unrelated,
      unit: 'links',
      budget: { max: 0 },
      note: 'articles in a story that report something else (same town, same names)',
    },
  ]
}

function syntheticStory(): Article[] {
  const articles: Article[] = []
  for (let seed = 42; seed < 47; seed++) {
    const { left, right } = syntheticPair(100, seed)
    articles.push({ ...left, id: `${left.id}-${seed}` }, { ...right, id: `${right.id}-${seed}` })
  }
  return articles
}

function splits(): ('tune' | 'check')[] {
  const asked = (process.env.PARALLAX_STORY_SPLITS ?? 'tune,check').split(',')
  return (['tune', 'check'] as const).filter((s) => asked.includes(s))
}

export async function run(): Promise<BenchResult[]> {
  const results = splits().flatMap(quality)
  const story = syntheticStory()
  const { left, right } = syntheticPair(100)
  let facts = 0
  const warmupStart = performance.now()
  for (let i = 0; i < minWarmups || performance.now() - warmupStart < minWarmupMs; i++) {
    facts = alignStory(story).facts.length
    alignArticles(left, right)
  }
  const times: number[] = []
  const pairTimes: number[] = []
  for (let i = 0; i < runs; i++) {
    let start = performance.now()
    alignStory(story)
    times.push(performance.now() - start)
    for (let p = 0; p < pairsPerRun; p++) {
      start = performance.now()
      alignArticles(left, right)
      pairTimes.push(performance.now() - start)
    }
  }
  const paragraphs = story.reduce((n, a) => n + a.paragraphs.length, 0)
  const sentences = story.reduce((n, a) => n + a.sentences.length, 0)
  const pair = median(pairTimes)
  results.push(
    {
      name: 'story-align: 10 articles of 100 paragraphs',
      value: median(times),
      unit: 'ms',
      budget: { max: 200 },
      note: `synthetic story (${story.length} articles, ${paragraphs} paragraphs, ${sentences} sentences), ${facts} facts, Node, median of ${runs}; fastest ${Math.min(...times).toFixed(1)} ms`,
    },
    {
      // No budget of its own: the two budgets (200 ms and 20 ms) make 10, but the pair runs well inside its.
      name: 'story-align: 10 × 100 story against a 100-paragraph pair, same runs',
      value: median(times) / pair,
      unit: 'x',
      note: `pair median ${pair.toFixed(1)} ms (fastest ${Math.min(...pairTimes).toFixed(1)} ms) over ${pairTimes.length} runs interleaved with the story's; fastest against fastest ${(Math.min(...times) / Math.min(...pairTimes)).toFixed(1)}x`,
    },
  )
  return results
}
