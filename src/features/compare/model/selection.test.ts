import { describe, expect, it } from 'vitest'
import { buildCompareModel } from './passages'
import {
  activeLinks,
  compareCounts,
  differences,
  linkForPassage,
  passageShown,
  readCompareState,
  stepLink,
  stepPassage,
} from './selection'
import { bridgeComparison, courier, gazette, makeLink, spanOf } from '../test-fixtures'

const model = buildCompareModel(gazette, courier, bridgeComparison())
const params = (s: string) => new URLSearchParams(s)

describe('reading the comparison URL', () => {
  it('opens on everything, the left pane and no selected link by default', () => {
    expect(readCompareState(params(''), model)).toEqual({
      filter: 'all',
      pane: 'left',
      link: null,
      linkMissing: false,
    })
  })

  it('keeps a known link, filter and pane', () => {
    expect(readCompareState(params('link=l2&filter=shared&pane=right'), model)).toEqual({
      filter: 'shared',
      pane: 'right',
      link: 'l2',
      linkMissing: false,
    })
  })

  it('says a link is missing rather than selecting nothing silently', () => {
    for (const bad of ['l99', 'x', '<script>', 'l1 ', '']) {
      expect(readCompareState(params(`link=${encodeURIComponent(bad)}`), model)).toMatchObject({
        link: null,
        linkMissing: true,
      })
    }
  })

  it('falls back to everything and the left pane for unknown values', () => {
    expect(readCompareState(params('filter=DIFFER&pane=middle'), model)).toMatchObject({
      filter: 'all',
      pane: 'left',
    })
  })
})

describe('filters', () => {
  it('shows only passages found on one side when showing what differs', () => {
    expect(passageShown('only', 'differ')).toBe(true)
    expect(
      ['same-quote', 'paraphrase', 'same-fact', 'plain'].some((k) => passageShown(k as never, 'differ')),
    ).toBe(false)
  })

  it('shows only linked passages when showing what is shared', () => {
    expect(['same-quote', 'paraphrase', 'same-fact'].every((k) => passageShown(k as never, 'shared'))).toBe(
      true,
    )
    expect(passageShown('only', 'shared') || passageShown('plain', 'shared')).toBe(false)
  })

  it('shows everything by default', () => {
    expect(
      ['same-quote', 'paraphrase', 'same-fact', 'only', 'plain'].every((k) =>
        passageShown(k as never, 'all'),
      ),
    ).toBe(true)
  })
})

describe('moving from link to link', () => {
  it('starts at the first link going forwards and the last going backwards', () => {
    expect(stepLink(model, null, 1)).toBe('l3')
    expect(stepLink(model, null, -1)).toBe('l2')
  })

  it('follows reading order and stops at the ends', () => {
    expect(stepLink(model, 'l3', 1)).toBe('l1')
    expect(stepLink(model, 'l1', 1)).toBe('l2')
    expect(stepLink(model, 'l2', 1)).toBeNull()
    expect(stepLink(model, 'l3', -1)).toBeNull()
  })

  it('has nowhere to go without links', () => {
    const empty = buildCompareModel(gazette, courier, { ...bridgeComparison(), links: [] })
    expect(stepLink(empty, null, 1)).toBeNull()
  })

  it('visits differences on the left, then the right', () => {
    const list = differences(model, ['left', 'right'])
    expect(list.map((p) => p.text)).toEqual([
      'The meeting lasted four hours.',
      'Engineers from Lakeside University will advise the city.',
      'Residents cheered.',
    ])
    expect(stepPassage(list, list[1]!, 1)).toBe(list[2])
    expect(stepPassage(list, list[2]!, 1)).toBeNull()
    expect(differences(model, ['right']).map((p) => p.text)).toEqual(['Residents cheered.'])
  })
})

describe('choosing a passage', () => {
  it('selects its link, and its next link on a second click when it has several', () => {
    const c = bridgeComparison()
    c.links.push(
      makeLink(
        'l4',
        spanOf(gazette, 'p1', 'The council voted 7-2'),
        spanOf(courier, 'headline', 'Bridge rebuild approved'),
        'same-fact',
        0.4,
      ),
    )
    const m = buildCompareModel(gazette, courier, c)
    const vote = m.left.passages.find((p) => p.text.startsWith('The council voted'))!
    expect(vote.linkIds).toEqual(['l1', 'l4'])
    expect(linkForPassage(vote, null)).toBe('l1')
    expect(linkForPassage(vote, 'l1')).toBe('l4')
    expect(linkForPassage(vote, 'l4')).toBe('l1')
  })

  it('selects nothing for a passage found on one side only', () => {
    const only = model.right.passages.find((p) => p.kind === 'only')!
    expect(linkForPassage(only, 'l2')).toBeNull()
  })

  it('lights up the links of the passage under the pointer, else the selected link', () => {
    const quote = model.left.passages.find((p) => p.linkIds.includes('l2'))!
    expect([...activeLinks(model, { side: 'left', key: quote.key }, 'l1')]).toEqual(['l2'])
    expect([...activeLinks(model, null, 'l1')]).toEqual(['l1'])
    expect([...activeLinks(model, null, null)]).toEqual([])
  })

  it('a passage of the selected link lights up that link only, not the other links it has', () => {
    const c = bridgeComparison()
    c.links.push(
      makeLink(
        'l4',
        spanOf(gazette, 'p1', 'The council voted 7-2'),
        spanOf(courier, 'headline', 'Bridge rebuild approved'),
        'same-fact',
        0.4,
      ),
    )
    const m = buildCompareModel(gazette, courier, c)
    const vote = m.left.passages.find((p) => p.text.startsWith('The council voted'))!
    expect([...activeLinks(m, { side: 'left', key: vote.key }, 'l4')]).toEqual(['l4'])
    expect([...activeLinks(m, { side: 'left', key: vote.key }, null)]).toEqual(['l1', 'l4'])
  })
})

describe('the counts', () => {
  it('counts links, and differences in both articles together, whichever pane a phone shows', () => {
    const model = buildCompareModel(gazette, courier, bridgeComparison())
    const only = [...model.left.passages, ...model.right.passages].filter((p) => p.kind === 'only')
    expect(compareCounts(model)).toEqual({ links: model.links.length, differences: only.length })
    expect(model.right.passages.some((p) => p.kind === 'only')).toBe(true)
  })
})
