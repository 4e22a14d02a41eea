import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanArticle } from '../core/clean'
import { IngestError } from '../core/pipeline'
import { articleFromBytes } from './corpus'
import { htmlToArticleText } from './html'

const root = path.resolve(import.meta.dirname, '../..')
const page = readFileSync(path.join(root, 'test/fixtures/raw/saved-page-harbour.html'), 'utf8')

describe('htmlToArticleText', () => {
  it('finds the article in a saved page and gives the hand-written structure', () => {
    const expected = JSON.parse(
      readFileSync(path.join(root, 'test/fixtures/expected/saved-page-harbour.structure.json'), 'utf8'),
    )
    expect(cleanArticle(htmlToArticleText(page).text)).toEqual(expected)
  })

  it('leaves out the navigation, cookie banner, newsletter box, footer and scripts', () => {
    const { text } = htmlToArticleText(page)
    for (const furniture of [
      'We use cookies',
      'Sport',
      'newsletter',
      '© 2023',
      '__consent',
      'display:flex',
    ]) {
      expect(text).not.toContain(furniture)
    }
  })

  it('reports the page’s own site name separately from the text', () => {
    expect(htmlToArticleText(page).siteName).toBe('The Coastal Times')
  })

  it('marks list items as bullets so the cleaner can judge them as a list', () => {
    const html = `<html><body><article><h1>Council sets out its budget for next year</h1>
      <p>The council published its budget on Monday, with three main changes for residents and businesses in the town.</p>
      <ul><li>Bus fares frozen for a year</li><li>Two new libraries</li></ul>
      <p>The budget will be put to a vote next month, when councillors are expected to approve it without major changes.</p>
      </article></body></html>`
    expect(htmlToArticleText(html).text).toContain('• Bus fares frozen for a year\n\n• Two new libraries')
  })

  it('refuses a page without an article, with a reason', () => {
    const html = new TextEncoder().encode('<html><body><nav><a href="/">Home</a></nav></body></html>')
    const entry = { file: 'raw/empty.html', outlet: null, sourceUrl: null, storyId: null }
    expect(() => articleFromBytes(html, entry)).toThrow(IngestError)
    expect(() => htmlToArticleText('<html><body></body></html>')).toThrow(/no article was found/)
  })
})
