import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanArticle, type CleanArticle } from './clean'

const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

/** Raw input -> hand-written expected structure. */
const FIXTURES: [name: string, raw: string][] = [
  ['000_80f71aebbeb0d8b4', 'corpus/raw/000_80f71aebbeb0d8b4.txt'],
  ['003_59d9113b8196ce96', 'corpus/raw/003_59d9113b8196ce96.txt'],
  ['wire-drought-aid', 'test/fixtures/raw/wire-drought-aid.txt'],
  ['html-ish-election', 'test/fixtures/raw/html-ish-election.txt'],
  ['wrapped-trade-briefing', 'test/fixtures/raw/wrapped-trade-briefing.txt'],
  ['one-per-line-transit', 'test/fixtures/raw/one-per-line-transit.txt'],
  ['reader-funded-nuclear-tests', 'test/fixtures/raw/reader-funded-nuclear-tests.txt'],
  ['print-paper-pressure', 'test/fixtures/raw/print-paper-pressure.txt'],
  ['broadcaster-abductees', 'test/fixtures/raw/broadcaster-abductees.txt'],
]

describe('cleanArticle on scraped pages', () => {
  it.each(FIXTURES)('gives the hand-written structure for %s', (name, raw) => {
    const expected = JSON.parse(read(`test/fixtures/expected/${name}.structure.json`)) as CleanArticle
    expect(cleanArticle(read(raw))).toEqual(expected)
  })

  it.each(FIXTURES)(
    'keeps every word of %s somewhere: in the structure or in the removal log',
    (_name, raw) => {
      const text = read(raw)
      const clean = cleanArticle(text)
      const kept = [
        clean.section,
        clean.kicker,
        clean.headline,
        clean.deck,
        clean.caption?.text,
        clean.caption?.credit,
        clean.byline,
        clean.dateline,
        ...clean.paragraphs,
        ...clean.removed.map((r) => r.text),
      ].join(' ')
      // Words of the markup itself (tags, attributes, scripts), the date words read into `published` and
      // the labels in front of a credit or a date are the only ones allowed to go.
      const source = text
        .replace(/<script[^]*?<\/script>/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&[a-z]+;|&#\d+;/g, ' ')
      const words = new Set(source.match(/\p{L}{3,}/gu) ?? [])
      const dateWords =
        /^(?:Photo|Image|source|caption|Published|Updated|Sat|BST|January|February|March|April|May|June|July|August|September|October|November|December|GMT|EDT)$/
      const missing = [...words].filter((w) => !kept.includes(w) && !dateWords.test(w))
      expect(missing).toEqual([])
    },
  )

  it('gives the same structure for the same text every time', () => {
    const text = read('test/fixtures/raw/wire-drought-aid.txt')
    expect(JSON.stringify(cleanArticle(text))).toBe(JSON.stringify(cleanArticle(text)))
  })
})

/** A small page around the unit under test: a headline, two body paragraphs, then `extra`, then a third. */
function page(extra: string, where: 'middle' | 'top' = 'middle'): CleanArticle {
  const headline = 'Harbour authority approves new ferry terminal after long delay'
  const p1 =
    'The harbour authority on Monday approved plans for a new ferry terminal, ending a dispute that had delayed the project for six years.'
  const p2 =
    'The terminal will handle up to 12,000 passengers a day when it opens, officials said, and will replace a building that dates from 1962.'
  const p3 =
    'Construction is expected to begin in the autumn and to take about three years, according to the port’s chief engineer, Lina Okafor.'
  const parts = where === 'top' ? [extra, headline, p1, p2, p3] : [headline, p1, p2, extra, p3]
  return cleanArticle(parts.join('\n\n'))
}

const reasonOf = (clean: CleanArticle, text: string) => clean.removed.find((r) => r.text === text)?.reason

describe('furniture removal', () => {
  it('drops icon labels glued together by a sprite sheet', () => {
    const c = page('IconShareIconMailIconPrint ChevronLeft ChevronRight', 'top')
    expect(reasonOf(c, 'IconShareIconMailIconPrint ChevronLeft ChevronRight')).toBe('icon-labels')
    expect(c.headline).toBe('Harbour authority approves new ferry terminal after long delay')
  })

  it('keeps names with a single capital inside them (McDonald, LinkedIn) as text', () => {
    const c = page(
      'McDonald’s and LinkedIn executives attended the signing, along with YouTube’s local director.',
    )
    expect(c.paragraphs).toContain(
      'McDonald’s and LinkedIn executives attended the signing, along with YouTube’s local director.',
    )
  })

  it('drops unfilled template placeholders', () => {
    const c = page('Hello {{user.firstName}}, you have ${remaining} stories left')
    expect(reasonOf(c, 'Hello {{user.firstName}}, you have ${remaining} stories left')).toBe(
      'template-placeholder',
    )
  })

  it('drops subscription prompts that address the reader', () => {
    const c = page('Already a subscriber? Log in to continue reading.')
    expect(reasonOf(c, 'Already a subscriber? Log in to continue reading.')).toBe('promotion')
  })

  it('keeps a news sentence about subscriptions that does not address the reader', () => {
    const sentence =
      'Netflix said it had lost 200,000 subscribers in the first quarter, the first decline in more than a decade.'
    expect(page(sentence).paragraphs).toContain(sentence)
  })

  it('drops price and trial offers', () => {
    const c = page('Start your trial: 4 weeks for $1')
    expect(reasonOf(c, 'Start your trial: 4 weeks for $1')).toBe('price-offer')
  })

  it('keeps prices that are news', () => {
    const sentence =
      'The city will pay $45 million a year for the next decade under the agreement, the council said.'
    expect(page(sentence).paragraphs).toContain(sentence)
  })

  it('drops a bulleted list of subscription benefits', () => {
    const c = page(
      'Subscribers get:\n• Unlimited access on all your devices\n• Ad-free reading\n• Our weekly newsletter',
    )
    expect(reasonOf(c, '• Ad-free reading')).toBe('subscription-benefits')
    expect(reasonOf(c, '• Unlimited access on all your devices')).toBe('subscription-benefits')
  })

  it('keeps a bulleted list that is part of the story', () => {
    const c = page(
      'The plan includes:\n• a second pier for cargo ships\n• a covered walkway to the railway station\n• solar panels on the roof',
    )
    expect(c.paragraphs).toContain('• a second pier for cargo ships')
  })

  it('drops advertising labels and sponsored teasers', () => {
    const c = page('ADVERTISEMENT')
    expect(reasonOf(c, 'ADVERTISEMENT')).toBe('advertisement')
    const s = page('Paid Content\nWhy retirees are moving to this sunny town')
    expect(reasonOf(s, 'Why retirees are moving to this sunny town')).toBe('sponsored')
  })

  it('drops a line the page repeats, keeping none of its copies', () => {
    const c = page('Listen to this article\n\nListen to this article')
    expect(c.removed.filter((r) => r.text === 'Listen to this article')).toHaveLength(2)
    expect(c.paragraphs.join(' ')).not.toContain('Listen to this article')
  })

  it('keeps the first copy of a paragraph that a scrape doubled', () => {
    const doubled =
      'The authority said the terminal would be built to withstand a once-in-a-century storm surge, a first for the region.'
    const c = page(`${doubled}\n\n${doubled}`)
    expect(c.paragraphs.filter((p) => p === doubled)).toHaveLength(1)
    expect(reasonOf(c, doubled)).toBe('repeated')
  })

  it('drops a cookie banner and its buttons', () => {
    const c = page(
      'This website uses cookies to improve your experience. See our privacy policy.\nAccept\nReject all',
      'top',
    )
    expect(c.removed.map((r) => r.reason)).toEqual(['cookie-banner', 'cookie-banner', 'cookie-banner'])
  })

  it('drops share buttons, share counts and comment counts', () => {
    const c = page('Share on Facebook\n\n3.4K shares\n\nComments (58)')
    expect(c.removed.map((r) => r.reason)).toEqual(['social', 'social', 'social'])
  })

  it('drops "Related:" and "READ MORE:" links inside the story', () => {
    const c = page('READ MORE: Ferry operator posts record profit')
    expect(reasonOf(c, 'READ MORE: Ferry operator posts record profit')).toBe('related-link')
  })

  it('drops everything after a trailing "latest news" style heading', () => {
    const c = cleanArticle(
      [
        'Harbour authority approves new ferry terminal',
        'The harbour authority on Monday approved plans for a new ferry terminal, ending a six-year dispute.',
        'Construction is expected to begin in the autumn and to take about three years.',
        'More Stories',
        'Council elects new mayor',
        'Storm closes coastal road',
      ].join('\n\n'),
    )
    expect(c.paragraphs).toHaveLength(2)
    expect(c.removed.map((r) => r.reason)).toEqual(['navigation', 'after-article-end', 'after-article-end'])
  })

  it('resumes the article after a "Related" box when long prose follows', () => {
    const more =
      'Residents who had opposed the project said they would not appeal, although they remained worried about traffic on the harbour road.'
    const last =
      'The authority promised to publish a traffic study before work begins and to hold two public meetings in the spring.'
    const c = page(`Related stories\n\nFerry fares to rise in June\n\n${more}\n\n${last}`)
    expect(c.paragraphs).toContain(more)
    expect(c.paragraphs).toContain(last)
    expect(reasonOf(c, 'Ferry fares to rise in June')).toBe('after-article-end')
  })
})

describe('structure', () => {
  it('reads a kicker, headline and deck from the top of the page', () => {
    const c = cleanArticle(
      'Climate\n\nGlaciers in the Alps lost a record share of their ice this summer\n\nScientists say the melt was twice the average of the past decade\n\nSwiss glaciers lost 6 percent of their remaining volume this year, the monitoring network said on Wednesday, the largest loss since records began.\n\nThe network said a dry winter and repeated heatwaves were to blame.',
    )
    expect(c.kicker).toBe('Climate')
    expect(c.headline).toBe('Glaciers in the Alps lost a record share of their ice this summer')
    expect(c.deck).toBe('Scientists say the melt was twice the average of the past decade')
    expect(c.paragraphs).toHaveLength(2)
  })

  it('splits a column name glued to a date into kicker and publication date', () => {
    const c = cleanArticle(
      'Letters From Abroad2021-11-05\n\nA winter market returns to Riga\n\nThe old town’s Christmas market reopened on Friday after two years of pandemic closures, organisers said.\n\nMore than 80 stalls are expected.',
    )
    expect(c.kicker).toBe('Letters From Abroad')
    expect(c.published).toBe('2021-11-05')
    expect(c.headline).toBe('A winter market returns to Riga')
  })

  it('reads "By Jane Doe, Reuters" as the byline and keeps it out of the body', () => {
    const c = page('By Jane Doe, Reuters', 'top')
    expect(c.byline).toBe('Jane Doe, Reuters')
    expect(c.paragraphs.join(' ')).not.toContain('Jane Doe')
  })

  it('reads a lone "Name in City" line near the end as byline and dateline', () => {
    const c = page('Amara Nwosu in Lagos')
    expect(c.byline).toBe('Amara Nwosu')
    expect(c.dateline).toBe('Lagos')
  })

  it('reads a wire dateline off the lead paragraph', () => {
    const c = cleanArticle(
      'Senate passes stopgap funding bill\n\nWASHINGTON (AP) — The Senate passed a bill on Thursday to keep the government open through December, sending it to the president.\n\nThe House approved the measure a day earlier.',
    )
    expect(c.dateline).toBe('WASHINGTON (AP)')
    expect(c.paragraphs[0]).toBe(
      'The Senate passed a bill on Thursday to keep the government open through December, sending it to the president.',
    )
  })

  it.each([
    ['Abe and Trump at Mar-a-Lago. (Photo by Ana Lee)', 'Abe and Trump at Mar-a-Lago.', 'Ana Lee'],
    ['Abe and Trump at Mar-a-Lago. Photo: Ana Lee/AFP', 'Abe and Trump at Mar-a-Lago.', 'Ana Lee/AFP'],
    [
      'Abe and Trump at Mar-a-Lago. Kevin Lamarque/Reuters',
      'Abe and Trump at Mar-a-Lago.',
      'Kevin Lamarque/Reuters',
    ],
  ])('reads the photo caption and credit in %j', (line, text, credit) => {
    const c = page(line, 'top')
    expect(c.caption).toEqual({ text, credit })
  })

  it('reads a publication date only when the text states a full date', () => {
    expect(page('Published: March 3, 2020', 'top').published).toBe('2020-03-03')
    expect(page('Updated 5 June 2021', 'top').published).toBeNull()
    expect(page('Offer ends October 31st').published).toBeNull()
    expect(page('Published: February 30, 2020', 'top').published).toBeNull()
  })

  it('joins the hard-wrapped lines of a paragraph into one paragraph', () => {
    const c = cleanArticle(
      'Port strike ends after nine days\n\nDockworkers voted on Sunday to accept a new contract that raises\npay by 14 percent over three years, ending a strike that had\nstranded hundreds of containers at the port.\n\nThe union said the vote was 812 to 97.',
    )
    expect(c.paragraphs[0]).toBe(
      'Dockworkers voted on Sunday to accept a new contract that raises pay by 14 percent over three years, ending a strike that had stranded hundreds of containers at the port.',
    )
  })

  it('keeps one paragraph per line when a text has no blank lines', () => {
    const c = cleanArticle(
      'Port strike ends after nine days\n\nDockworkers voted on Sunday to accept a new contract.\nThe union said the vote was 812 to 97.\nShipping lines welcomed the result.',
    )
    expect(c.paragraphs).toEqual([
      'Dockworkers voted on Sunday to accept a new contract.',
      'The union said the vote was 812 to 97.',
      'Shipping lines welcomed the result.',
    ])
  })

  it('normalises non-breaking and odd spaces without losing words', () => {
    const c = page(
      'The\u00a0mayor said\u2009the vote\u200b was\u00a0 final, and that work would start in\u3000May.',
    )
    expect(c.paragraphs).toContain('The mayor said the vote was final, and that work would start in May.')
  })

  it('never invents a date, an outlet or a byline', () => {
    const c = cleanArticle(
      'Quiet day at the harbour\n\nNothing much happened at the harbour on Tuesday, fishermen said.',
    )
    expect(c).toMatchObject({ published: null, byline: null, dateline: null, caption: null, kicker: null })
  })

  it('finds no headline in text that is one long paragraph', () => {
    const long = 'word '.repeat(80).trim() + '.'
    expect(cleanArticle(long).headline).toBeNull()
  })
})

describe('the foot of a wire story', () => {
  const story = [
    'Senate passes bill to avert government shutdown',
    'WASHINGTON (AP) — The Senate passed a bill late Saturday to keep federal agencies open until mid-November, sending it to the president.',
    'The House had approved the package earlier in the day by a vote of 335-91.',
    '___',
    'Associated Press writers Kevin Freking and Farnoush Amiri contributed to this report.',
    'Copyright 2023 The Associated Press. All rights reserved.',
  ].join('\n\n')

  it('drops the separator, the contributor line and the copyright notice', () => {
    const c = cleanArticle(story)
    expect(c.paragraphs).toHaveLength(2)
    expect(c.removed.map((r) => r.reason)).toEqual(['separator', 'credits', 'footer'])
    expect(c.byline).toBeNull()
  })
})

describe('markup in a scraped page', () => {
  const head = '<h1>Harbour authority approves new ferry terminal after long delay</h1>'
  const p1 =
    '<p>The harbour authority on Monday approved plans for a new ferry terminal, ending a six-year dispute.</p>'
  const p2 =
    '<p>The terminal will handle up to 12,000 passengers a day when it opens, officials said on Monday.</p>'
  const p3 =
    '<p>Construction is expected to begin in the autumn, according to the port’s chief engineer, Lina Okafor.</p>'

  it('drops a closed script, style and svg with everything in them', () => {
    const c = cleanArticle(
      [
        head,
        p1,
        '<script>track("view")</script>',
        '<style>.x{color:red}</style>',
        p2,
        '<svg><path d="M0"/></svg>',
        p3,
      ].join('\n'),
    )
    expect(c.paragraphs).toHaveLength(3)
    expect(c.paragraphs.join(' ')).not.toMatch(/track|color|path/)
  })

  it.each(['<script>alert(1)', '<style>', '<svg onload=alert(1)>'])(
    'keeps the paragraphs after an unclosed %s even when a closing tag comes later',
    (unclosed) => {
      const c = cleanArticle(
        [
          head,
          p1,
          `<p>${unclosed}</p>`,
          p2,
          '<svg><title>Logo</title></svg><script>x()</script><style>a{}</style>',
          p3,
        ].join('\n'),
      )
      expect(c.paragraphs.join(' ')).toContain('12,000 passengers')
      expect(c.paragraphs.join(' ')).toContain('Lina Okafor')
      expect(c.paragraphs.join(' ')).not.toMatch(/Logo|x\(\)/)
    },
  )

  it('keeps the paragraphs after an unclosed script when a stray closing tag is the only one', () => {
    const c = cleanArticle([head, p1, '<p><script>alert(1)</p>', p2, '</script>', p3].join('\n'))
    expect(c.paragraphs.join(' ')).toContain('12,000 passengers')
    expect(c.paragraphs.join(' ')).toContain('Lina Okafor')
  })
})
