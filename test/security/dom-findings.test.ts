// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { findInjectedMarkup, readableText } from './dom-findings'
import { loadPayloads } from './payloads'

/** A detached document (jsdom runs no script and loads nothing in it) with `html` in its body. */
function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('test')
  doc.body.innerHTML = html
  return doc
}

// Markup like the app's own: icons, a search form, evidence in <details>, a summary table, quote marks and
// speaker chips whose labels repeat payload text, safe links, the built module script and a JSON data block.
const appLike = `
  <a class="skip-link" href="#main">Skip to content</a>
  <main id="main">
    <form role="search" aria-label="Articles"><label for="q">Search</label><input id="q" type="search" name="q" value="&lt;script&gt;"></form>
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v12"></path></svg>
    <p>Said <mark id="q1" tabindex="-1" class="quote">&lt;img src=x onerror=alert(1)&gt;</mark>
      <button type="button" aria-label="&lt;svg onload=alert(1)&gt;: about this quote" data-chip-for="q1">Berg</button>.</p>
    <details class="cmp-evidence"><summary>Why linked</summary><table><tr><td>javascript:alert(1)</td></tr></table></details>
    <a href="https://example.org/a" rel="noopener noreferrer" target="_blank">Original</a>
    <a href="/article/x?quote=q1#p2">Same site</a>
    <div style="transform: translateY(120px)">virtual row</div>
  </main>
  <script type="module" crossorigin src="/assets/index-abc123.js"></script>
  <script type="application/json">{"a":"<\\/script>"}</script>`

describe('findInjectedMarkup', () => {
  it('finds nothing in markup like the app renders, even where its text and labels quote payloads', () => {
    expect(findInjectedMarkup(page(appLike))).toEqual([])
  })

  it('flags every payload that turns into markup when it reaches HTML unescaped', () => {
    const missed = loadPayloads().filter((payload) => {
      const doc = page(`<p>${payload}</p>`)
      const madeMarkup = doc.body.querySelectorAll('*').length > 1
      return madeMarkup && findInjectedMarkup(doc).length === 0
    })
    expect(missed).toEqual([])
  })

  it('stays quiet about payloads that are only text when parsed', () => {
    for (const payload of ['javascript:alert(1)', '{{7*7}}', '&lt;script&gt;alert(1)&lt;/script&gt;']) {
      expect(findInjectedMarkup(page(`<p>${payload}</p>`)), payload).toEqual([])
    }
  })

  it.each([
    ['an inline script', '<script>alert(1)</script>'],
    ['a script from elsewhere', '<script src="https://evil.example/x.js"></script>'],
    ['an event handler', '<b onclick="x()">b</b>'],
    ['a javascript: link', '<a href=" JaVa&#x09;script:alert(1)">a</a>'],
    ['a data: frame', '<iframe src="data:text/html,x"></iframe>'],
    ['an image from text', '<img src="x">'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['active CSS', '<div style="background:url(javascript:alert(1))">x</div>'],
  ])('flags %s', (_name, html) => {
    expect(findInjectedMarkup(page(html)).length).toBeGreaterThan(0)
  })
})

describe('readableText', () => {
  it('reads a quote split by its speaker chip as one run of text, without the chip or hidden labels', () => {
    const doc = page(
      '<p>"<mark>We will <b>not</b> go</mark><button>Berg</button>," he said.<span class="visually-hidden">Quote 1 of 3</span></p>',
    )
    expect(readableText(doc)).toBe('"We will not go," he said.')
  })
})
