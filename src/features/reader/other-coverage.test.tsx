// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleIndex, ArticleSummary } from '../../core/schema'
import { otherCoverage } from './other-coverage'
import { fixtureArticle } from './reader-fixture'
import { renderReader } from './render-reader'

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn()
})
afterEach(() => cleanup())

function summary(
  id: string,
  outlet: string | null,
  headline: string,
  storyId: string | null,
): ArticleSummary {
  return {
    id,
    storyId,
    outlet,
    kicker: null,
    headline,
    deck: null,
    byline: null,
    published: '2024-03-05',
    wordCount: 300,
    quoteCount: 4,
    speakers: [],
  }
}

const index: ArticleIndex = {
  schemaVersion: 1,
  stories: [
    {
      id: 'harbour-strike-story',
      title: 'Harbour strike',
      date: '2024-03-04',
      articleIds: ['harbour-strike', 'dockers-walk-out', 'port-closed'],
    },
    { id: 'other-story', title: 'Another story', date: null, articleIds: ['unrelated'] },
  ],
  articles: [
    summary(
      'harbour-strike',
      'Harbour Times',
      'Dock workers strike as port talks fail',
      'harbour-strike-story',
    ),
    summary(
      'dockers-walk-out',
      'Coast Courier',
      'Dockers walk out after talks collapse',
      'harbour-strike-story',
    ),
    summary('port-closed', null, 'Port closed for a second day', 'harbour-strike-story'),
    summary('unrelated', 'Coast Courier', 'Ferry timetable changes', 'other-story'),
  ],
}

describe('other coverage of the story', () => {
  it('finds the other articles of the article’s story, and nothing for an article alone in its story', () => {
    expect(otherCoverage(index, 'harbour-strike')?.others.map((a) => a.id)).toEqual([
      'dockers-walk-out',
      'port-closed',
    ])
    expect(otherCoverage(index, 'unrelated')).toBeNull()
    expect(otherCoverage(index, 'not-indexed')).toBeNull()
  })

  it('offers each other article and a one-click comparison with this one', () => {
    const coverage = otherCoverage(index, 'harbour-strike')
    renderReader(fixtureArticle(), undefined, coverage)
    const section = screen.getByRole('region', { name: 'Other coverage of this story' })
    expect(
      within(section).getByRole('link', { name: 'Dockers walk out after talks collapse' }),
    ).toHaveAttribute('href', '/article/dockers-walk-out')
    expect(
      within(section).getByRole('link', { name: 'Compare side by side with Coast Courier' }),
    ).toHaveAttribute('href', '/compare/harbour-strike/dockers-walk-out')
    expect(
      within(section).getByRole('link', { name: 'Compare side by side with Outlet not stated' }),
    ).toHaveAttribute('href', '/compare/harbour-strike/port-closed')
  })

  it('shows no such section while the story’s other articles are unknown', () => {
    renderReader(fixtureArticle())
    expect(screen.queryByRole('region', { name: 'Other coverage of this story' })).toBeNull()
  })
})
