import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanArticle } from '../core/clean'
import { buildArticle, IngestError } from '../core/pipeline'
import { articleFromBytes } from './corpus'
import { htmlToArticleText, type HtmlArticle } from './html'
import { MAX_HTML_LENGTH } from './page/parse'

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

const fixtureDir = path.join(root, 'test/fixtures/html')
const fixture = (name: string) => readFileSync(path.join(fixtureDir, `${name}.html`), 'utf8')
type Expected = Pick<HtmlArticle, 'headline' | 'published' | 'siteName' | 'authors' | 'deck' | 'paragraphs'>

describe('htmlToArticleText on invented pages (test/fixtures/html)', () => {
  const names = readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''))

  it.each(names)('reads %s as its hand-written expectation says', (name) => {
    const expected = JSON.parse(
      readFileSync(path.join(fixtureDir, `${name}.expected.json`), 'utf8'),
    ) as Expected
    const { headline, published, siteName, authors, deck, paragraphs } = htmlToArticleText(fixture(name))
    expect({ headline, published, siteName, authors, deck, paragraphs }).toEqual(expected)
  })

  it('never turns the text of an HTML comment into a paragraph', () => {
    const { text } = htmlToArticleText(fixture('comment-text'))
    for (const note of ['Template: story-v2', 'Advertising slot 3', 'BEGIN BODY', 'END BODY']) {
      expect(text).not.toContain(note)
    }
  })

  it('does not repeat a description that only restates the first paragraph with another dash and an ellipsis', () => {
    const { text } = htmlToArticleText(fixture('description-repeats-lead'))
    expect(text.match(/first change to its hours in two decades/g)).toHaveLength(1)
  })

  it('keeps a description that says something the body does not as the deck, under the headline', () => {
    const { text } = htmlToArticleText(fixture('json-ld-metadata'))
    expect(text.split('\n\n').slice(0, 2)).toEqual([
      'Fishing fleet ties up as fuel prices climb',
      'Skippers say a week at sea now costs more than the catch brings in',
    ])
  })

  it('takes the subheading under the headline as the deck and the label above it as the kicker, once each', () => {
    const { text, kicker, deck } = htmlToArticleText(fixture('standfirst-under-headline'))
    expect([kicker, deck]).toEqual([
      'Environment',
      'Water companies urge customers to cut back as the dry spell enters its third month',
    ])
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      'Environment',
      'Reservoir levels fall to a ten-year low',
      deck,
    ])
    expect(text.match(/dry spell enters its third month/g)).toHaveLength(1)
  })

  it('states the metadata date and authors as lines the text cleaner reads', () => {
    const article = buildArticle(htmlToArticleText(fixture('json-ld-metadata')).text, {
      outlet: null,
      sourceUrl: null,
      storyId: null,
    })
    expect(article.published).toBe('2022-11-02')
    expect(article.headline).toBe('Fishing fleet ties up as fuel prices climb')
  })

  it('reads a page whose style sheet a strict CSS engine rejects, and no style text reaches the article', () => {
    const { text } = htmlToArticleText(fixture('hostile-css'))
    expect(text).toContain('Fares on the island ferries will rise by six percent in April')
    expect(text).not.toContain('inside a style sheet')
  })

  it('keeps the lead photo’s caption as the caption and leaves out later captions, share buttons and related links', () => {
    const { text, caption } = htmlToArticleText(fixture('site-name-title'))
    expect(caption).toBe('Blossom blackened by frost on a hillside orchard. Photo: Staff photographer')
    for (const furniture of [
      'Frost fans at work',
      'Share on Facebook',
      'Frost warnings for the weekend',
      'Home',
    ]) {
      expect(text).not.toContain(furniture)
    }
  })
})

describe('htmlToArticleText limits', () => {
  const nested = (levels: number) =>
    `<html><body>${'<div>'.repeat(levels)}<p>${'Words of the article. '.repeat(40)}</p>${'</div>'.repeat(levels)}</body></html>`

  it('refuses a page nested 5,000 levels deep at once, saying so', () => {
    const start = performance.now()
    expect(() => htmlToArticleText(nested(5_000))).toThrow(/nested more than 200 levels deep/)
    try {
      htmlToArticleText(nested(5_000))
    } catch (error) {
      expect((error as IngestError).code).toBe('too-deep')
    }
    expect(performance.now() - start).toBeLessThan(2_000)
  })

  it('refuses a page nested 2,000 levels deep in well under a second', () => {
    const start = performance.now()
    expect(() => htmlToArticleText(nested(2_000))).toThrow(IngestError)
    expect(performance.now() - start).toBeLessThan(1_000)
  })

  it('still reads an article nested a hundred levels deep (real pages nest a few dozen)', () => {
    expect(htmlToArticleText(nested(100)).paragraphs[0]).toMatch(/^Words of the article\./)
  })

  it('refuses a page larger than the size limit, with its size', () => {
    const huge = `<html><body><p>${'x'.repeat(MAX_HTML_LENGTH)}</p></body></html>`
    expect(() => htmlToArticleText(huge)).toThrow(
      /characters long; the limit for a saved HTML page is 10,000,000/,
    )
  })
})

// Pieces of markup, well-formed or not, that real and hostile pages are made of.
const markupPiece = fc.oneof(
  fc.constantFrom(
    '<div>',
    '</div>',
    '<p>',
    '</p>',
    '<article>',
    '</article>',
    '<li>',
    '<ul>',
    '</ul>',
    '<table><tr><td>',
    '<h1>',
    '</h1>',
    '<a href="/x">',
    '</a>',
    '<br>',
    '<!--',
    '-->',
    '<style>',
    '</style>',
    '<script>',
    '</script>',
    '<script type="application/ld+json">',
    '{"@type":"NewsArticle","headline":',
    '"author":[',
    '<meta property="og:title" content="',
    '<meta name="description" content="',
    '">',
    '<title>',
    '</title>',
    '<figure><figcaption>',
    '<template>',
    '<noscript>',
    '&amp;',
    '&#0;',
    '&nbsp;',
    '<![CDATA[',
    ']]>',
    '<svg>',
    ' | ',
    ' - ',
    '<',
    '>',
    '"',
    "'",
    '\u0000',
    '\uFFFD',
  ),
  fc.string({ maxLength: 30 }),
  fc.constant('The council approved the new budget on Monday after a long debate about its cost. '),
)
const markup = fc.array(markupPiece, { maxLength: 80 }).map((pieces) => pieces.join(''))

describe('htmlToArticleText on arbitrary markup', () => {
  it('gives an article or a refusal with a reason, never another error, and never hides one as unreadable', () => {
    fc.assert(
      fc.property(markup, (html) => {
        try {
          htmlToArticleText(html)
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError)
          // 'unreadable' is the net for an error of the parser or Readability: none should happen.
          expect((error as IngestError).code, (error as Error).message).not.toBe('unreadable')
        }
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same result twice for the same page', () => {
    fc.assert(
      fc.property(markup, (html) => {
        const once = (() => {
          try {
            return htmlToArticleText(html)
          } catch (error) {
            return (error as Error).message
          }
        })()
        const again = (() => {
          try {
            return htmlToArticleText(html)
          } catch (error) {
            return (error as Error).message
          }
        })()
        expect(again).toEqual(once)
      }),
      { numRuns: 100 },
    )
  })
})
