import { describe, expect, it } from 'vitest'
import { buildCompareModel } from './passages'
import { bridgeComparison, courier, gazette, makeArticle, makeComparison } from '../test-fixtures'

describe('passages of a comparison', () => {
  const model = buildCompareModel(gazette, courier, bridgeComparison())

  it('splits each block into its sentences and keeps every character of the text', () => {
    for (const side of [model.left, model.right]) {
      const article = side.side === 'left' ? gazette : courier
      const texts = side.blocks.map((b) =>
        b.pieces.map((p) => (p.type === 'text' ? p.text : p.passage.text)).join(''),
      )
      expect(texts).toEqual([
        article.headline,
        ...(article.deck ? [article.deck] : []),
        ...article.paragraphs.map((p) => p.text),
      ])
    }
  })

  it('marks a sentence linked on the other side with the link’s kind', () => {
    const vote = model.left.passages.find((p) => p.text.startsWith('The council voted'))
    expect(vote).toMatchObject({ kind: 'same-fact', linkIds: ['l1'] })
    const quote = model.left.passages.find((p) => p.text.startsWith('"We will'))
    expect(quote).toMatchObject({ kind: 'same-quote', linkIds: ['l2'] })
  })

  it('marks sentences the alignment found on one side only, and leaves the rest plain', () => {
    expect(model.left.passages.filter((p) => p.kind === 'only').map((p) => p.text)).toEqual([
      'The meeting lasted four hours.',
      'Engineers from Lakeside University will advise the city.',
    ])
    expect(model.right.passages.filter((p) => p.kind === 'only').map((p) => p.text)).toEqual([
      'Residents cheered.',
    ])
    const deck = model.left.blocks.find((b) => b.id === 'deck')
    expect(deck?.pieces.every((p) => p.type === 'text' || p.passage.kind === 'plain')).toBe(true)
  })

  it('underlines the quoted fragment a link covers when it is only part of a sentence', () => {
    const fragment = model.right.passages.find((p) => p.linkIds.includes('l2'))
    expect(fragment?.text).toBe('Ortiz vowed to finish "before the first snow, whatever it costs."')
    const mark = fragment?.marks[0]
    expect(mark && fragment.text.slice(mark.start, mark.end)).toBe(
      'before the first snow, whatever it costs.',
    )
    // The left passage is the link's whole span: nothing narrower to underline.
    expect(model.left.passages.find((p) => p.linkIds.includes('l2'))?.marks).toEqual([])
  })

  it('orders links by where they appear in the left article', () => {
    expect(model.links.map((l) => l.id)).toEqual(['l3', 'l1', 'l2'])
  })

  it('knows which passages each link joins on both sides', () => {
    expect(model.passagesOfLink.get('l2')).toEqual({ left: ['p2-0'], right: ['p2-0'] })
  })

  it('treats a whole paragraph as one passage when the pipeline gave no sentences', () => {
    const left = makeArticle({ id: 'a', headline: 'A b c', paragraphs: ['One. Two.'], withSentences: false })
    const right = makeArticle({ id: 'b', headline: 'D e f', paragraphs: ['Three.'], withSentences: false })
    const m = buildCompareModel(
      left,
      right,
      makeComparison(left, right, [], [{ paragraphId: 'p1', start: 5, end: 9 }]),
    )
    expect(m.left.passages).toMatchObject([{ key: 'p1-0', text: 'One. Two.', kind: 'only' }])
  })

  it('ignores links to paragraphs the article does not have instead of drawing them wrong', () => {
    const c = bridgeComparison()
    c.links.push({ ...c.links[0]!, id: 'l9', left: { paragraphId: 'p40', start: 0, end: 4 } })
    const m = buildCompareModel(gazette, courier, c)
    expect(m.linkById.has('l9')).toBe(false)
    expect(m.links).toHaveLength(3)
  })
})
