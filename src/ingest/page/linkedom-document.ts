/** Node's DOM for saved pages: linkedom (docs/decisions/0001-html-dom.md). The browser uses its DOMParser. */
import { parseHTML } from 'linkedom'

/** Checked markup -> a linkedom document with the root a browser would give it. */
export function linkedomDocument(markup: string): Document {
  const doc = parseHTML(markup).document
  // Markup without an <html> element (a fragment, or only a doctype) leaves linkedom's document without
  // a root, and Readability then refuses it as not a document: give it the root a browser would.
  if (doc.documentElement && doc.querySelector('body')) return doc
  return parseHTML(`<!doctype html><html><head></head><body>${markup}</body></html>`).document
}
