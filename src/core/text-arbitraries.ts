/**
 * TEST-ONLY fast-check arbitraries for scraped-looking text, shared by the pipeline's property and fuzz
 * tests. Not imported by the app. The pieces mix article prose with the things that break text
 * rules: quote marks of every kind, odd spaces, line separators, furniture, lone surrogates.
 */
import fc from 'fast-check'

const WORDS = [
  'Trump',
  'Abe',
  'said',
  'the',
  'U.S.',
  'Mr.',
  'Kim',
  'Jong',
  'Un',
  'summit',
  'won’t',
  "it's",
  'North',
  'Korea',
  'Japan',
  'president',
  'told',
  'reporters',
  'on',
  'Wednesday',
  'he',
  'she',
  'they',
  'denuclearization',
  'São',
  'Paulo',
  'Müller',
  'Søren',
  '北朝鮮',
  '정상회담',
  'Jan.',
  'W.',
  'a.m.',
  '3.5',
  '$0.99',
  '50%',
  '2018-04-22',
]
const MARKS = ['"', '“', '”', "'", '‘', '’', '«', '»', '„', '`']
const PUNCT = ['.', ',', '?', '!', '—', '–', '-', ':', ';', '…', '(', ')', '/', '|', '•']
const SPACES = [' ', ' ', ' ', '\n', '\n\n', '\n\n', '\u00a0', '\t', '\r\n', '\u2028', '\u200b', '   ']
const FURNITURE = [
  'Advertisement',
  'Subscribe now for unlimited access',
  'You have {{count}} free articles left',
  'IconFacebookIconTwitterIconMail ChevronLeft ChevronRight',
  'By Jane Doe, Reuters',
  'Published April 18, 2018',
  'Hot Issues of the Week2018-04-22',
  'Photo: Kim Hong-Ji/Reuters',
  '(Photo by Akira Kodaka)',
  'Latest News',
  'Related: Another story',
  'WASHINGTON (AP) — ',
  'Masayuki Yuda in Tokyo',
  '• Read all stories with unlimited access',
  'Try 1 month for $0.99',
  'Sponsored Content',
  '<p>',
  '</div>',
  '&amp;',
  '&#8217;',
  '{{',
  '}}',
]

const piece = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 6, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...FURNITURE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
)

/** Text assembled from prose, quotes, spaces, furniture and random Unicode (lone surrogates included). */
export const scrapedText = (maxPieces = 300) =>
  fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''))

/** Any string at all, from plain ASCII to arbitrary UTF-16 code units. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ maxLength: 400 }),
)

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
)
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 25 }), fc.constantFrom('.', '.', '?', '!', ',"', '.”', ''))
  .map(([words, end]) => `${words.join(' ')}${end}`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '))

/**
 * Article-shaped text: optional furniture, a title line, then paragraphs of sentences separated by blank
 * lines or single newlines, with furniture between them — so most inputs reach quotes and entities.
 */
export const articleText = fc
  .tuple(
    fc.array(fc.constantFrom(...FURNITURE), { maxLength: 3 }),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
    fc.array(
      fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: fc.constantFrom(...FURNITURE) }),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    fc.constantFrom('\n\n', '\n', '\r\n\r\n'),
  )
  .map(([top, title, body, sep]) => [...top, title.join(' '), ...body].join(sep))
