import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { indexSchema } from '../../core/schema'
import { libraryIndex } from './library-fixture'
import {
  countArticles,
  dateBounds,
  facetOptions,
  filterGroups,
  groupArticlesByStory,
  outletOptions,
  speakerOptions,
} from './library-model'
import { OUTLET_NOT_STATED, readLibraryFilters } from './library-params'
import { storyRows } from './story-rows'

describe('groupArticlesByStory', () => {
  it('uses a fixture that is valid under the data contract', () => {
    expect(v.is(indexSchema, libraryIndex)).toBe(true)
  })

  it('shows stories newest first, with articles in no story last under "Other articles"', () => {
    const groups = groupArticlesByStory(libraryIndex)
    expect(groups.map((g) => g.title)).toEqual([
      'Dock workers strike',
      'River floods the old town',
      'Other articles',
    ])
    expect(groups.at(-1)?.standalone).toBe(true)
  })

  it('orders a story’s articles newest first, undated ones last', () => {
    const [strike] = groupArticlesByStory(libraryIndex)
    expect(strike?.articles.map((a) => a.id)).toEqual(['strike-c', 'strike-a', 'strike-b'])
  })
})

describe('filterGroups', () => {
  const groups = groupArticlesByStory(libraryIndex)

  it('keeps only the articles from the chosen outlet, and drops stories left empty', () => {
    const result = filterGroups(groups, { outlet: 'Valley Post', speaker: '' }, null)
    expect(result.map((g) => g.articles.map((a) => a.id))).toEqual([['flood-a'], ['lone']])
  })

  it('finds articles whose outlet is not stated', () => {
    const result = filterGroups(groups, { outlet: OUTLET_NOT_STATED, speaker: '' }, null)
    expect(result.flatMap((g) => g.articles.map((a) => a.id))).toEqual(['strike-b'])
  })

  it('keeps articles quoting the chosen person and matching the search together', () => {
    const result = filterGroups(
      groups,
      { outlet: '', speaker: 'Mara Quinn' },
      new Set(['strike-b', 'flood-a']),
    )
    expect(result.flatMap((g) => g.articles.map((a) => a.id))).toEqual(['strike-b'])
    expect(countArticles(result)).toBe(1)
  })

  it('returns the same groups when nothing filters', () => {
    expect(filterGroups(groups, { outlet: '', speaker: '' }, null)).toBe(groups)
  })
})

describe('date range', () => {
  const groups = groupArticlesByStory(libraryIndex)
  const ids = (from: string, to: string) =>
    filterGroups(groups, { outlet: '', speaker: '', from, to }, null).flatMap((g) =>
      g.articles.map((a) => a.id),
    )

  it('keeps articles published within the range, both ends included, and leaves out undated ones', () => {
    expect(ids('2024-01-01', '').sort()).toEqual(['strike-a', 'strike-c'])
    expect(ids('', '2023-11-20').sort()).toEqual(['flood-a', 'lone'])
    expect(ids('2024-03-04', '2024-03-04')).toEqual(['strike-a'])
  })

  it('bounds the date fields by the first and last day any article was published', () => {
    expect(dateBounds(libraryIndex.articles)).toEqual({ min: '2022-06-01', max: '2024-03-05' })
  })
})

describe('filter options', () => {
  it('counts each filter’s choices among the articles the other filters leave, so no choice leads to nothing', () => {
    const quinn = facetOptions(libraryIndex.articles, { outlet: '', speaker: 'Mara Quinn' }, null)
    expect(quinn.outlets.map((o) => [o.label, o.count])).toEqual([
      ['Harbour Times', 1],
      ['Outlet not stated', 1],
    ])
    const valley = facetOptions(libraryIndex.articles, { outlet: 'Valley Post', speaker: '' }, null)
    expect(valley.speakers).toEqual([{ value: 'Ines Ruiz', label: 'Ines Ruiz', count: 1 }])
    // A filter's own choices are not narrowed by itself: another outlet can still be chosen.
    expect(valley.outlets).toEqual(outletOptions(libraryIndex.articles))
    const searched = facetOptions(libraryIndex.articles, { outlet: '', speaker: '' }, new Set(['lone']))
    expect(searched.outlets).toEqual([{ value: 'Valley Post', label: 'Valley Post', count: 1 }])
  })

  it('counts articles per outlet, with "Outlet not stated" last', () => {
    expect(outletOptions(libraryIndex.articles)).toEqual([
      { value: 'Valley Post', label: 'Valley Post', count: 2 },
      { value: 'Coast Radio', label: 'Coast Radio', count: 1 },
      { value: 'Harbour Times', label: 'Harbour Times', count: 1 },
      { value: OUTLET_NOT_STATED, label: 'Outlet not stated', count: 1 },
    ])
  })

  it('counts the articles quoting each person', () => {
    expect(speakerOptions(libraryIndex.articles).slice(0, 2)).toEqual([
      { value: 'Mara Quinn', label: 'Mara Quinn', count: 2 },
      { value: 'Ines Ruiz', label: 'Ines Ruiz', count: 1 },
    ])
  })
})

describe('readLibraryFilters', () => {
  it('reads q, outlet and speaker, trimmed and cut to a sane length', () => {
    const params = new URLSearchParams({ q: '  strike ', outlet: 'Valley Post', speaker: 'x'.repeat(500) })
    const f = readLibraryFilters(params)
    expect(f.q).toBe('strike')
    expect(f.outlet).toBe('Valley Post')
    expect(f.speaker).toHaveLength(200)
  })

  it('treats missing parameters as no filter', () => {
    expect(readLibraryFilters(new URLSearchParams())).toEqual({
      q: '',
      outlet: '',
      speaker: '',
      from: '',
      to: '',
    })
  })

  it('drops bidirectional control characters a link could use to make the search read backwards', () => {
    const f = readLibraryFilters(new URLSearchParams({ q: 'abc\u202edcba\u2066x\u2069' }))
    expect(f.q).toBe('abc dcba x')
  })

  it('reads a date range of real days only', () => {
    const f = readLibraryFilters(new URLSearchParams({ from: '2024-01-31', to: '2024-02-30' }))
    expect([f.from, f.to]).toEqual(['2024-01-31', ''])
    expect(readLibraryFilters(new URLSearchParams({ from: '31/01/2024' })).from).toBe('')
  })
})

describe('storyRows', () => {
  it('splits a long story into rows that keep each article’s position in the story', () => {
    const groups = groupArticlesByStory(libraryIndex)
    const rows = storyRows(groups, 2)
    expect(rows.map((r) => [r.group.id, r.offset, r.first, r.articles.length])).toEqual([
      ['harbour-strike', 0, true, 2],
      ['harbour-strike', 2, false, 1],
      ['river-flood', 0, true, 1],
      ['other-articles', 0, true, 1],
    ])
  })
})
