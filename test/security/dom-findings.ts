/**
 * Markup in a rendered page that could only have come from hostile data: event-handler attributes, script or
 * active elements, dangerous URLs. Self-contained on purpose — Playwright sends it to the browser as source
 * (`page.evaluate(findInjectedMarkup)`), and the unit tests call it on a jsdom document — so it may use no
 * imports and no helpers from outside its body.
 *
 * Returns one line per finding (empty when the page is clean), each naming the element so a failure says what
 * got through.
 */
export function findInjectedMarkup(doc?: Document): string[] {
  const d = doc ?? document
  const findings: string[] = []
  const describe = (el: Element) => el.outerHTML.slice(0, 160)

  // Elements the app never renders, that payloads try to create.
  const foreign =
    'iframe, frame, frameset, object, embed, applet, base, marquee, isindex, x, math, mglyph, mtext, ' +
    'template, audio, video, source, body style, body link, body meta, ' +
    'svg script, svg animate, svg set, svg foreignObject, [autofocus], [srcdoc], meta[http-equiv="refresh" i]'
  for (const el of Array.from(d.querySelectorAll(foreign))) findings.push(`foreign element: ${describe(el)}`)

  for (const script of Array.from(d.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase()
    if (type === 'application/json' || type === 'application/ld+json') continue
    const src = script.getAttribute('src')
    // The build's own scripts are hashed files under assets/ on this site; nothing else may run.
    if (
      !src ||
      !/^(?:\/|https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/)(?:[\w.-]+\/)*assets\/[\w.-]+\.m?js$/.test(
        src,
      )
    ) {
      findings.push(`script: ${describe(script)}`)
    } else if (script.textContent?.trim()) {
      findings.push(`script with inline code: ${describe(script)}`)
    }
  }

  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']
  for (const el of Array.from(d.querySelectorAll('*'))) {
    // Broken markup (`<scr<script>ipt>`) makes elements with names no app renders.
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i.test(el.localName))
      findings.push(`malformed element: ${describe(el)}`)
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on')) findings.push(`event handler ${attr.name}: ${describe(el)}`)
      if (urlAttributes.includes(name)) {
        // Browsers ignore controls and whitespace inside a scheme, so the check does too.
        // eslint-disable-next-line no-control-regex
        const value = attr.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
        if (
          /^(?:javascript|vbscript|data|blob|file):/.test(value) &&
          !(name === 'src' && /^data:image\/(?:png|gif|webp|jpeg);/.test(value))
        ) {
          findings.push(`dangerous URL in ${attr.name}: ${describe(el)}`)
        }
        if (el.localName === 'img' && name === 'src' && !/^(?:\/|https?:|data:image\/)/.test(value)) {
          findings.push(`image from text: ${describe(el)}`)
        }
        if (el.localName === 'use' && !value.startsWith('#'))
          findings.push(`svg use of another document: ${describe(el)}`)
      }
      if (name === 'style' && /expression\s*\(|url\s*\(\s*['"]?\s*javascript:|@import/i.test(attr.value)) {
        findings.push(`active CSS in style: ${describe(el)}`)
      }
    }
  }
  return findings
}

/**
 * The text a reader sees as prose in `root` (default: the page's body): every text node, in order, except those inside controls
 * (buttons such as the speaker chip after each quote), visually hidden (`*sr-only`, `*visually-hidden` classes)
 * or aria-hidden labels, select options and SVG. A
 * payload split by a quote highlight reads whole again here. Self-contained, like `findInjectedMarkup`.
 */
export function readableText(root?: Node | null): string {
  const start = root ?? document.body
  const d = start.ownerDocument ?? (start as Document)
  const from = start.nodeType === 9 ? (start as Document).body : start
  const skip = 'button, [aria-hidden="true"], svg, script, style, template, title, option'
  const hiddenLabel = /(?:^|\s)[\w-]*(?:sr-only|visually-hidden)(?:\s|$)/
  const walker = d.createTreeWalker(from, 4 /* NodeFilter.SHOW_TEXT */)
  let out = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || parent.closest(skip)) continue
    let hidden = false
    for (let el: Element | null = parent; el && !hidden; el = el.parentElement) {
      hidden = hiddenLabel.test(el.getAttribute('class') ?? '')
    }
    if (!hidden) out += node.nodeValue ?? ''
  }
  return out
}
