/**
 * Fuzzing the ingest pipeline (issue 6): thousands of generated scraped-looking texts, each of which must
 * either become a valid article or be refused with an IngestError. 10,000 inputs when CI is set, fewer
 * locally. The seed is logged; rerun a failure with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { buildArticle, IngestError } from './pipeline'
import { articleSchema } from './schema'
import { anyText, articleText, scrapedText } from './text-arbitraries'

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647)
const numRuns = process.env.CI ? 10_000 : 1_000

describe('fuzzing the ingest pipeline', () => {
  it(`turns ${numRuns.toLocaleString('en-US')} generated texts into valid articles or clear IngestErrors`, () => {
    console.log('fuzz seed', seed)
    let built = 0
    let refused = 0
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 3, arbitrary: articleText },
          { weight: 1, arbitrary: scrapedText(150) },
          { weight: 1, arbitrary: anyText },
        ),
        (raw) => {
          try {
            const article = buildArticle(raw, { outlet: null, sourceUrl: null, storyId: null })
            expect(v.is(articleSchema, article)).toBe(true)
            built += 1
          } catch (error) {
            if (!(error instanceof IngestError)) throw error
            expect(error.message).not.toBe('')
            refused += 1
          }
        },
      ),
      { numRuns, seed },
    )
    console.log(`fuzz: ${built} built, ${refused} refused`)
    expect(built + refused).toBe(numRuns)
    // About 15 s of CPU for 10,000 inputs; the wall-clock allowance covers a busy shared CI machine.
  }, 180_000)
})
