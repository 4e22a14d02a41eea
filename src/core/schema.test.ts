import { describe, expect, it } from 'vitest'
import { alignArticles } from './align'
import { buildArticle } from './pipeline'
import { comparisonEvidenceSchema, comparisonSchema, splitEvidence } from './schema'

const article = (id: string, raw: string) =>
  buildArticle(raw, { id, outlet: null, sourceUrl: null, storyId: 's' })

describe('splitEvidence', () => {
  const left = article(
    'harbour-left',
    'Harbour reopens after storm\n\nThe harbour reopened on Monday after a storm closed it for three days, the port authority said.\n\n"We lost three days of trade," said Ana Ruiz, the harbour master.',
  )
  const right = article(
    'harbour-right',
    'Port back in business\n\nThe port authority said the harbour reopened on Monday, three days after the storm.\n\nHarbour master Ana Ruiz said: "We lost three days of trade."',
  )
  const aligned = alignArticles(left, right)

  it('writes the links without their evidence and the evidence by link id, each file valid', () => {
    expect(aligned.links.length).toBeGreaterThan(0)
    const { comparison, evidence } = splitEvidence(aligned)
    comparisonSchema.parse(comparison)
    comparisonEvidenceSchema.parse(evidence)
    expect(comparison.links.some((l) => 'evidence' in l)).toBe(false)
    expect(evidence).toMatchObject({ leftId: 'harbour-left', rightId: 'harbour-right' })
    // Nothing is lost: each link and its evidence make the alignment's link again.
    // Each entry names its link's spans, so a stale page can tell another link's evidence from its own.
    const back = comparison.links.map((l) => {
      const { left: storedLeft, right: storedRight, ...why } = evidence.evidence[l.id]!
      expect([storedLeft, storedRight]).toEqual([l.left, l.right])
      return { ...l, evidence: why }
    })
    expect(back).toEqual(aligned.links)
    expect({ ...comparison, links: aligned.links }).toEqual(aligned)
  })
})
