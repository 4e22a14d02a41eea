/**
 * Ingest throughput: raw scraped text -> validated Article (clean, segment, quotes, speakers, entities),
 * on one core, over a SYNTHETIC corpus of 1,000 articles shaped like the two seed texts.
 *
 * The synthetic articles are recombined from the seeds' own lines: a kicker, headline and deck, a
 * photo caption, a byline or a date line, 8-20 body paragraphs drawn from both seeds (some in the
 * blank-line style of seed 000, some one-per-line like seed 003), and page furniture — icon labels,
 * paywall prompts with {{placeholders}}, price offers, benefit bullets, "Latest News". Deterministic.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildArticle } from '../../src/core/pipeline'
import type { BenchResult } from '../types'
import { seededRandom } from '../lib/synthetic'

const ARTICLES = 1_000
const WARM_UP = 50
const root = path.resolve(import.meta.dirname, '../..')

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!

/** The seeds' body paragraphs: long lines that end like sentences. */
function seedParagraphs(): string[] {
  const out: string[] = []
  for (const f of ['000_80f71aebbeb0d8b4.txt', '003_59d9113b8196ce96.txt']) {
    const text = readFileSync(path.join(root, 'corpus/raw', f), 'utf8')
    for (const line of text.split('\n')) {
      const t = line.trim()
      if (t.length > 80 && /[.!?"”]$/.test(t) && !t.includes('{{')) out.push(t)
    }
  }
  return out
}

const KICKERS = [
  'North Korea Crisis',
  'Korean Peninsula A to Z',
  'Diplomacy',
  'Asia Pacific',
  'Hot Issues of the Week',
]
const SUBJECTS = ['Trump', 'Abe', 'Kim Jong Un', 'Moon Jae-in', 'Xi Jinping', 'Mike Pompeo', 'Sheila Smith']
const VERBS = ['ready to walk out of', 'presses ahead with', 'warns over', 'signals patience on', 'doubts']
const OBJECTS = ['summit talks', "Kim meeting if 'not fruitful'", 'denuclearization deal', 'sanctions relief']
const FURNITURE_TOP = [
  'ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronEye IconIcon FacebookIcon LinkedinIcon Mail ContactPath LayerIcon',
]
const FURNITURE_TAIL = [
  'Sponsored Content',
  'You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left this month',
  'Stay ahead with our exclusives on Asia; the most dynamic market in the world.',
  'Try 1 month for $0.99',
  'You need a subscription to:\n\n  • Read all stories with unlimited access\n  • Use our mobile and tablet apps\nSee all offers',
  'Latest News',
]

/** One synthetic scraped page. */
function syntheticArticle(rng: Rng, paragraphs: readonly string[], n: number): string {
  const headline = `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)} (${n})`
  const body: string[] = []
  const count = 8 + Math.floor(rng() * 13)
  for (let i = 0; i < count; i += 1) body.push(pick(rng, paragraphs))
  const oneLine = rng() < 0.4
  const header = [
    ...(rng() < 0.5 ? FURNITURE_TOP : []),
    pick(rng, KICKERS),
    headline,
    'US and Japan agree to maintain pressure until regime takes concrete action',
    rng() < 0.5
      ? `Hot Issues of the Week2018-04-${String(10 + Math.floor(rng() * 19)).padStart(2, '0')}`
      : 'Japanese Prime Minister Shinzo Abe met U.S. President Donald Trump in Florida. (Photo by Akira Kodaka)',
  ]
  const tail = rng() < 0.7 ? ['Masayuki Yuda in Tokyo', ...FURNITURE_TAIL] : ['Latest News']
  return [...header, oneLine ? body.join('\n') : body.join('\n\n'), ...tail].join('\n\n')
}

export async function run(): Promise<BenchResult[]> {
  const rng = seededRandom(20180418)
  const paragraphs = seedParagraphs()
  const corpus = Array.from({ length: ARTICLES }, (_, i) => syntheticArticle(rng, paragraphs, i + 1))
  const meta = { outlet: null, sourceUrl: null, storyId: null }
  const bytes = corpus.reduce((n, t) => n + t.length, 0)

  for (let i = 0; i < WARM_UP; i += 1) buildArticle(corpus[i]!, meta)
  let quotes = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  for (const raw of corpus) quotes += buildArticle(raw, meta).quotes.length
  const cpu = process.cpuUsage(cpuStart)
  const seconds = (performance.now() - start) / 1000
  // CPU time is what one core spends, whatever else the machine is running; wall time is shown too.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  // Peak resident memory of the whole bench process (synthetic corpus, pipeline and Node itself).
  const peakMb = process.resourceUsage().maxRSS / 1024

  const note = `SYNTHETIC corpus: ${ARTICLES.toLocaleString('en-US')} articles recombined from the seeds (avg ${Math.round(
    bytes / ARTICLES,
  ).toLocaleString('en-US')} chars, ${quotes.toLocaleString('en-US')} quotes), one core`
  return [
    {
      name: 'ingest throughput (per CPU second)',
      value: ARTICLES / cpuSeconds,
      unit: 'articles/s',
      budget: { min: 200 },
      note,
    },
    {
      name: 'ingest throughput (wall clock)',
      value: ARTICLES / seconds,
      unit: 'articles/s',
      note: `${note}; slower on a busy machine`,
    },
    { name: 'ingest peak memory (RSS)', value: peakMb, unit: 'MB', note: `${note}; whole bench process` },
  ]
}
