import type { ArticleIndex, ArticleSummary, SearchDocument } from '../../core/schema'

/** A small made-up library for tests: two stories (one with three outlets), and one article in no story. */
function summary(partial: Partial<ArticleSummary> & Pick<ArticleSummary, 'id' | 'headline'>): ArticleSummary {
  return {
    storyId: null,
    outlet: null,
    kicker: null,
    deck: null,
    byline: null,
    published: null,
    wordCount: 460,
    quoteCount: 0,
    speakers: [],
    ...partial,
  }
}

export const libraryIndex: ArticleIndex = {
  schemaVersion: 1,
  stories: [
    {
      id: 'harbour-strike',
      title: 'Dock workers strike',
      date: '2024-03-04',
      articleIds: ['strike-a', 'strike-b', 'strike-c'],
    },
    { id: 'river-flood', title: 'River floods the old town', date: '2023-11-20', articleIds: ['flood-a'] },
    // A story whose articles are all missing is not shown.
    { id: 'empty-story', title: 'Nothing here', date: '2025-01-01', articleIds: ['gone'] },
  ],
  articles: [
    summary({
      id: 'flood-a',
      storyId: 'river-flood',
      outlet: 'Valley Post',
      headline: 'Water reaches the market square',
      published: '2023-11-20',
      quoteCount: 2,
      speakers: ['Ines Ruiz'],
    }),
    summary({
      id: 'strike-a',
      storyId: 'harbour-strike',
      outlet: 'Harbour Times',
      kicker: 'Labour',
      headline: 'Dock workers strike as port talks fail',
      deck: 'The union calls it a last resort',
      byline: 'Ana Lee',
      published: '2024-03-04',
      wordCount: 920,
      quoteCount: 7,
      speakers: ['Mara Quinn', 'Tomas Reyes', 'Port authority'],
    }),
    summary({
      id: 'strike-b',
      storyId: 'harbour-strike',
      outlet: null,
      headline: 'Port at a standstill',
      published: null,
      quoteCount: 1,
      speakers: ['Mara Quinn'],
    }),
    summary({
      id: 'strike-c',
      storyId: 'harbour-strike',
      outlet: 'Coast Radio',
      headline: 'Strike enters second day',
      published: '2024-03-05',
      quoteCount: 0,
    }),
    summary({
      id: 'lone',
      headline: 'Lighthouse keeper retires',
      outlet: 'Valley Post',
      published: '2022-06-01',
    }),
  ],
}

export const searchDocuments: SearchDocument[] = [
  {
    id: 'flood-a',
    headline: 'Water reaches the market square',
    deck: '',
    body: 'Sandbags along the river bank.',
  },
  {
    id: 'strike-a',
    headline: 'Dock workers strike as port talks fail',
    deck: 'The union calls it a last resort',
    body: 'Cranes stood still at the harbour. Pyŏngyang was not mentioned.',
  },
  { id: 'strike-b', headline: 'Port at a standstill', deck: '', body: 'No ship has left since Monday.' },
  {
    id: 'strike-c',
    headline: 'Strike enters second day',
    deck: '',
    body: 'The harbour master spoke of losses.',
  },
  {
    id: 'lone',
    headline: 'Lighthouse keeper retires',
    deck: '',
    body: 'Forty years on the cliff above the harbour, through every storm and lightning strike.',
  },
]
