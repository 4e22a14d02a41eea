import { readFileSync } from 'node:fs'
import { QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildArticle } from '../../core/pipeline'
import { exportJson, importText, withFreshIds } from './import-export'
import { readExportFile, uniqueId, type OwnArticle } from './own-model'
import { ownListQueryOptions, setStoreForTests } from './own-queries'
import { saveDraft } from './save-draft'
import { memoryStore, type OwnStore } from './store'

const text = readFileSync(new URL('../add/fixtures/harbour-ferry.txt', import.meta.url), 'utf8')
const article = buildArticle(text, { outlet: 'Island Post', sourceUrl: null, published: null, storyId: null })
const own = (id = article.id): OwnArticle => ({
  article: { ...article, id },
  addedAt: '2026-12-07T10:00:00.000Z',
  origin: { kind: 'paste', fileName: null },
  corrections: { published: { extracted: '2026-03-14', chosen: '2026-03-15' } },
})

describe('the export file', () => {
  it('reads back what was exported, corrections included', () => {
    const read = readExportFile(exportJson([own('a'), own('b')]))
    expect(read).toEqual({ ok: true, articles: [own('a'), own('b')] })
  })

  it('names what is wrong with a file that is not an export, and takes nothing', () => {
    expect(readExportFile('not json')).toEqual({ ok: false, message: expect.stringMatching(/not JSON/) })
    expect(readExportFile('{"kind":"something-else"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/kind/),
    })
    const bad = JSON.parse(exportJson([own('a'), own('b')]))
    bad.articles[1].article.sourceUrl = 'javascript:alert(1)'
    expect(readExportFile(JSON.stringify(bad))).toEqual({
      ok: false,
      message: expect.stringMatching(/articles\.1\.article\.sourceUrl: must be an http or https URL/),
    })
    expect(readExportFile(exportJson([own('a'), own('a')]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/two articles/),
    })
  })

  it('keeps hostile text as text: a payload in a headline is data, checked like any other', () => {
    const hostile = own('x')
    hostile.article.headline = '<img src=x onerror=alert(1)>'
    const read = readExportFile(exportJson([hostile]))
    expect(read.ok && read.articles[0]!.article.headline).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('ids', () => {
  it('gives an own article an id no other has', () => {
    expect(uniqueId('ferry', new Set())).toBe('ferry')
    expect(uniqueId('ferry', new Set(['ferry', 'ferry-2']))).toBe('ferry-3')
    const long = 'a'.repeat(120)
    expect(uniqueId(long, new Set([long])).length).toBeLessThanOrEqual(120)
  })

  it('never lets an import replace an article already stored', () => {
    const fresh = withFreshIds([own('a'), own('b')], [own('a')])
    expect(fresh.map((a) => a.article.id)).toEqual(['a-2', 'b'])
  })
})

describe('storing', () => {
  let store: OwnStore
  let queryClient: QueryClient
  beforeEach(() => {
    store = memoryStore()
    setStoreForTests(store)
    queryClient = new QueryClient()
  })

  it('saves a draft under a fresh id, newest first in the list', async () => {
    const { addedAt: _a, ...draft } = own()
    const first = await saveDraft(queryClient, draft, new Date('2026-12-01T00:00:00Z'))
    const second = await saveDraft(queryClient, draft, new Date('2026-12-02T00:00:00Z'))
    expect([first.id, second.id]).toEqual([article.id, `${article.id}-2`])
    const list = await queryClient.fetchQuery(ownListQueryOptions())
    expect(list.map((a) => a.article.id)).toEqual([second.id, first.id])
  })

  it('imports nothing from a file with one bad article among good ones', async () => {
    const bad = JSON.parse(exportJson([own('a'), own('b')]))
    delete bad.articles[1].article.paragraphs
    const outcome = await importText(queryClient, JSON.stringify(bad))
    expect(outcome.ok).toBe(false)
    expect(await store.list()).toEqual([])
    expect(await importText(queryClient, exportJson([own('a'), own('b')]))).toEqual({ ok: true, count: 2 })
    expect((await store.list()).length).toBe(2)
  })
})
