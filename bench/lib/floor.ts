/**
 * The physical floor for the reader: the same article as a plain static HTML page with no JavaScript at all,
 * styled by the site's own built CSS. Whatever the app adds on top of this is the cost of being an app.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { articleSchema, type Article } from '../../src/core/schema'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The stylesheets the built index.html links, so the floor pays for the same CSS. */
async function builtStylesheets(siteDir: string): Promise<string[]> {
  const html = await readFile(path.join(siteDir, 'index.html'), 'utf8')
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1] ?? '')
    .filter(Boolean)
}

/**
 * The boot script's tag as the build writes it (a low-priority module in the head), pointing at an empty
 * module: the reference page that is the floor plus the mere presence of one script.
 */
const EMPTY_SCRIPT =
  '<script type="module" fetchpriority="low" crossorigin src="/bench-floor/empty.js"></script>'

function floorHtml(article: Article, stylesheets: string[], script: string): string {
  const meta = [article.outlet, article.byline, article.published].filter(Boolean).map((s) => escapeHtml(s!))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.headline)} (static floor)</title>
${script}${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><a class="site-name" href="/">Parallax</a></header>
<main id="main">
<article class="page">
${article.kicker ? `<p class="kicker">${escapeHtml(article.kicker)}</p>` : ''}
<h1>${escapeHtml(article.headline)}</h1>
${article.deck ? `<p class="deck">${escapeHtml(article.deck)}</p>` : ''}
<p class="byline">${meta.join(' · ')}</p>
${article.caption ? `<p class="caption">${escapeHtml(article.caption.text)}</p>` : ''}
${article.paragraphs.map((p) => `<p id="${p.id}">${escapeHtml(p.text)}</p>`).join('\n')}
</article>
</main>
</body>
</html>
`
}

/**
 * Writes the floor page for one article into the built site, and the same page with one empty script
 * (`scripted`), and returns their paths on the server.
 */
export async function writeFloorPages(
  siteDir: string,
  articleId: string,
): Promise<{ floor: string; scripted: string }> {
  const article = articleSchema.parse(
    JSON.parse(await readFile(path.join(siteDir, 'data', 'articles', `${articleId}.json`), 'utf8')),
  )
  const stylesheets = await builtStylesheets(siteDir)
  const dir = path.join(siteDir, 'bench-floor')
  await mkdir(dir, { recursive: true })
  await writeFile(
    path.join(dir, 'empty.js'),
    '// The floor with one script: this script does nothing.\n',
    'utf8',
  )
  await writeFile(path.join(dir, `${articleId}.html`), floorHtml(article, stylesheets, ''), 'utf8')
  await writeFile(
    path.join(dir, `${articleId}.scripted.html`),
    floorHtml(article, stylesheets, `${EMPTY_SCRIPT}\n`),
    'utf8',
  )
  return { floor: `/bench-floor/${articleId}.html`, scripted: `/bench-floor/${articleId}.scripted.html` }
}
