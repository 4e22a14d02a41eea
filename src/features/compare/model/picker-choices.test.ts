import { describe, expect, it } from 'vitest'
import type { ArticleIndex } from '../../../core/schema'
import { pickerChoices as choose } from '../components/article-finder'
import { groupArticles, PICKER_LIMIT } from './picker-choices'
import { bigIndex } from '../test-fixtures'

const pickerChoices = (index: ArticleIndex, query: string, keep: string[]) =>
  choose(groupArticles, index, query, keep, PICKER_LIMIT)
const ids = (c: ReturnType<typeof pickerChoices>) => c.groups.flatMap((g) => g.articles.map((a) => a.id))

describe('pickerChoices', () => {
  it('lists a small corpus whole, grouped by story, then the articles in no story', () => {
    const c = pickerChoices(bigIndex(2, 1), '', [])
    expect(c.groups.map((g) => g.label)).toEqual(['Story number 1', 'Story number 2', 'Not part of a story'])
    expect(ids(c)).toEqual(['s1-herald', 's1-courier', 's2-herald', 's2-courier', 'loose-1'])
    expect(c.matching).toBe(5)
  })

  it('lists at most the limit of a large corpus, and counts everything that matches', () => {
    const c = pickerChoices(bigIndex(5000), '', [])
    expect(ids(c)).toHaveLength(PICKER_LIMIT)
    expect(c.matching).toBe(10_000)
  })

  it('always lists the chosen articles, even far beyond the limit or outside the search', () => {
    const c = pickerChoices(bigIndex(5000), 'story number 7', ['s4999-courier'])
    expect(ids(c)).toContain('s4999-courier')
    expect(c.groups.at(-1)?.label).toBe('Story number 4999')
  })

  it('finds by every word, in any order, in outlet, headline or story title, ignoring case and accents', () => {
    const index = bigIndex(3000)
    index.articles[0] = { ...index.articles[0]!, outlet: 'Diário de São Paulo' }
    expect(ids(pickerChoices(index, 'sao DIARIO', []))).toEqual(['s1-herald'])
    expect(ids(pickerChoices(index, 'courier 2999', []))).toEqual(['s2999-courier'])
    expect(pickerChoices(index, 'story number 1234', []).matching).toBe(2)
    expect(pickerChoices(index, 'no such words', []).groups).toEqual([])
  })

  it('lists an article that two stories claim once', () => {
    const index = bigIndex(2)
    index.stories[1]!.articleIds.push('s1-herald')
    expect(ids(pickerChoices(index, '', []))).toEqual(['s1-herald', 's1-courier', 's2-herald', 's2-courier'])
  })
})
