/**
 * Rules that recognise web furniture in one paragraph-sized unit of scraped text: icon labels, paywall and
 * subscription prompts, template placeholders, advertising and sponsored labels, cookie banners, share
 * and comment counters, newsletter sign-ups, "Related:" links and navigation headings.
 *
 * The rules describe how furniture is written (second person, imperatives, prices, glued CamelCase
 * labels, a label followed by a link) rather than listing any page's strings. Every pattern is linear:
 * no nested quantifiers, and long units are rejected by length before a pattern runs.
 */

export type RemovalReason =
  | 'icon-labels'
  | 'template-placeholder'
  | 'promotion'
  | 'price-offer'
  | 'subscription-benefits'
  | 'newsletter'
  | 'sponsored'
  | 'advertisement'
  | 'cookie-banner'
  | 'social'
  | 'related-link'
  | 'navigation'
  | 'repeated'
  | 'repeated-headline'
  | 'photo-caption'
  | 'timestamp'
  | 'credits'
  | 'footer'
  | 'separator'
  | 'after-article-end'
  | 'before-article-start'
  | 'comments'

export type Removed = { text: string; reason: RemovalReason }

/** Units longer than this are article prose, never a prompt or a label; skipping them keeps rules cheap. */
const MAX_FURNITURE_WORDS = 60

export function wordCountOf(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i += 1) {
    const space = text.charCodeAt(i) === 32
    if (!space && !inWord) count += 1
    inWord = !space
  }
  return count
}

const QUOTE_MARK = /["“”„«»]/
/** True when the unit quotes someone: quoted speech is article text even when it sounds like a prompt. */
export function hasQuoteMarks(text: string): boolean {
  return QUOTE_MARK.test(text)
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…](?:["'”’»)\]]{0,3})$/.test(text) || /[.!?…,]["”’]$/.test(text)
}

// Placeholders of template engines that were never filled in: {{name}}, {% tag %}, ${name}, [[name]], and
// blog shortcodes with attributes ([button link="..."]) or closing ([/button]); "[sic]" is prose.
const TEMPLATE =
  /\[[a-z_]{2,20} [a-z_]{2,20}=[^\]]{0,200}\]|\[\/[a-z_]{2,20}\]|\{\{[^{}]{0,200}\}\}|\{%[^%]{0,200}%\}|\$\{[A-Za-z_][\w.-]{0,60}\}|\[\[[A-Za-z_][\w.-]{0,60}\]\]/

/**
 * Sprite and icon labels run together: an SVG's <title> texts ("Icon Facebook", "Title Chevron") glued
 * into CamelCase chains. One token of three or more glued capitalised words, or at least three glued
 * tokens whose parts repeat, is a label run; real names with one hump (McDonald, LinkedIn) are not.
 */
// A lower-case letter run into a capital ("IconFacebook", "Sketch.Title"); Latin ranges only, because a
// non-Unicode pattern is several times faster and this runs on every line.
const GLUED_CAPITAL = /[a-z\u00df-\u00ff]\.?[A-Z\u00c0-\u00de]/

// An icon font's ligature name printed as text before a link's label when its style sheet did not load
// ("chevron_left Back to all posts", "phone_iphone Mobile"): a snake_case word opening a short line.
const ICON_LIGATURE = /^[a-z]{2,20}(?:_[a-z]{2,20}){1,3} /

function isIconLigatureLabel(text: string, words: number): boolean {
  return words <= 8 && ICON_LIGATURE.test(text) && !endsLikeSentence(text)
}

function isIconLabels(text: string, words: number): boolean {
  if (words > 80 || !GLUED_CAPITAL.test(text) || endsLikeSentence(text)) return false
  const tokens = text.split(' ')
  let glued = 0
  let longChain = false
  const parts = new Map<string, number>()
  let maxRepeat = 0
  for (const token of tokens) {
    const chain = token.match(/\p{Lu}\p{Ll}+/gu)
    if (!chain || chain.length < 2) continue
    // Only a chain that makes up the whole token (allowing a glued dot, as in "Sketch.Title").
    if (chain.join('').length < token.replace(/[.]/g, '').length - 1) continue
    glued += 1
    if (chain.length >= 3) longChain = true
    for (const part of chain) {
      const n = (parts.get(part) ?? 0) + 1
      parts.set(part, n)
      maxRepeat = Math.max(maxRepeat, n)
    }
  }
  if (longChain && glued >= 1 && glued / tokens.length >= 0.3) return true
  return glued >= 3 && glued / tokens.length >= 0.3 && maxRepeat >= 2
}

const SECOND_PERSON = /\b(?:you|your|yours|yourself|you['’](?:re|ve|ll|d))\b/i
const IMPERATIVE_START =
  /^(?:subscribe|sign|log|register|join|get|try|stay|read|see|find|download|follow|click|tap|share|continue|learn|discover|enjoy|unlock|upgrade|start|claim|save|support|become|enter|create|keep|celebrate|watch|listen|don['’]t miss|never miss|already a|want|need|love|like|interested|give|gift|buy|shop|apply|check out|explore|sign up|opt in)\b/i
// Case-sensitive: "US" is the country, "us" the publisher.
const PUBLISHER_SPEAK = /\b(?:[Oo]ur|us)\b/
// Words a subscription or sign-up prompt is made of.
const PROMO_WORDS =
  /\b(?:subscri(?:be|bed|bers?|ption|ptions|bing)|trial|free articles?|unlimited|premium|memberships?|members?-only|paywall|exclusives?|offers?|deals?|newsletters?|inbox|e-?mail|sign(?:-| )?up|sign(?:-| )?in|log(?:-| )?in|register|account|apps?|devices?|tablets?|access|insights|journalism|donat(?:e|ion|ions)|bundle|digital edition|e-?paper|podcasts?|briefing|alerts?|(?:election|voter|voting) guides?|forums?)\b/i
const NEWSLETTER_WORDS = /\b(?:newsletters?|inbox|e-?mail address|briefing|sign(?:-| )?up)\b/i
const PRICE = /(?:[$€£¥₩]\s?\d|\d(?:[.,]\d+)?\s?(?:USD|EUR|GBP|dollars?|euros?|pounds?|cents?)\b)/i
const PRICE_TERMS =
  /\b(?:per|a|\/)\s?(?:month|mo|year|yr|week|day)\b|\b(?:\d+|one|two|three|six|twelve) (?:months?|weeks?|years?|days?)\b|\btrial\b|\boffer\b|\bonly\b|\bsave\b/i
const OFFER_LINE =
  /^(?:(?:limited[- ]time |special |exclusive |introductory |best )?offers?\b.{0,80}$|.{0,60}\boffer (?:ends|expires|valid)\b)/i

const ADVERTISEMENT =
  /^(?:advertisement|advertising|advert|ad|ads by \S.{0,40}|story continues (?:below|after)(?: (?:the )?(?:advertisement|ad|this ad))?|continue reading (?:the )?(?:main )?story(?: below)?|skip (?:advertisement|ad)|scroll (?:down )?to continue(?: with content| reading)?|article continues below(?: advertisement)?|remove ads?|supported by)\W{0,3}$/i
const SPONSORED_HEADING =
  /^(?:sponsored(?: content| stories| links| post)?|paid (?:content|post|partnership)|partner content|promoted(?: content| stories| links)?|presented by \S.{0,60}|in partnership with \S.{0,60}|brand(?:ed)? content)\W{0,3}$/i
const SPONSORED_NOTE =
  /\b(?:sponsored content|commissioned by|paid for by|in partnership with|produced by .{0,40} (?:brand|studio|partner)|advertorial)\b/i
// Page footers: copyright notices and print-edition notes ("A version of this article appears in print ...").
const FOOTER =
  /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^(?:this (?:article|story|post|piece) (?:was|is|has been) |it was )?originally (?:published|appeared|ran)\b.{0,200}\b(?:by|in|on|at)\b|^a version of this (?:article|story) appear(?:s|ed) in print\b|\border reprints\b/i
// A gallery's counter ("3 of 14"), the controls around its photos, and a photo's credit on its own line
// ("Image copyright Getty Images").
const GALLERY =
  /^(?:\d{1,3} ?(?:of|\/) ?\d{1,3}|(?:license|buy|purchase|download|enlarge|expand) (?:this )?(?:photo|image|picture)s?|(?:view|open|launch) (?:the )?(?:photo )?gallery|(?:hide|show|toggle) caption)\W{0,3}$|^(?:image|photo|picture|video) copyright /i
const COOKIES = /\bcookies?\b/i
const COOKIE_CONTEXT =
  /\b(?:we use|we and our|use of|accept|consent|privacy|personali[sz]e|preferences|partners|browsing|this (?:site|website)|policy)\b/i
const BANNER_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|allow(?: all)?(?: cookies)?|agree|i agree|manage (?:preferences|settings|cookies|options)|decline|ok|okay|got it|close|settings|cookie settings|customi[sz]e|more options|learn more|privacy policy)\W{0,3}$/i
const SHARE_LABEL =
  /^(?:shares?(?: \p{L}+){0,3}|about sharing|tweet|email|e-mail|print|save|save article|copy link|link copied|comments?|show comments|view comments|leave a comment|join the conversation|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|flipboard|messenger|gift (?:this )?article)\W{0,3}$/iu
const COUNTER =
  /^(?:[\d.,]+\s?[kKmM]?\s(?:shares?|comments?|likes?|views?|reactions?|retweets?|reads?)|(?:shares?|comments?|views?|likes?)\s?[:(]?\s?[\d.,]+\s?[kKmM]?\)?)\W{0,3}$/i
const FOLLOW_PROMPT =
  /^(?:follow|like|find) (?:us|me|him|her|them|the author|[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,3}) on \p{L}+/iu
// "Related: <headline>", "READ MORE: <headline>": a navigation label followed by link text.
const LINK_LABEL =
  /^(?:related(?: stories| articles| coverage| content| topics)?|see also|also read|also see|read(?: more| next| also)?|more(?: on this(?: story| topic)?| from \p{L}[\p{L} ]{0,30}| coverage| news)?|recommended|watch|listen|most read|trending|latest|explainer|opinion|analysis|live updates?|further reading|go deeper|dig deeper|keep reading|don['’]t miss|catch up)\s?:\s?\S/iu
const NAV_LABEL =
  /^(?:read more|read the full (?:story|article)|find out more|learn more|see more|show more|load more|more stories|view all|view more|see all(?: \p{L}+){0,3}|back to top|next (?:article|story)|previous (?:article|story)|go to (?:homepage|home)|home|menu|search|close(?: panel)?|skip to (?:main )?content|listen to (?:this )?(?:article|story)\b.{0,40}|\d{1,3}[ -]min(?:ute)?s? (?:read|listen)|print this (?:page|article))\W{0,3}$/iu

/**
 * A heading after which nothing on a news page is the article any more: "Latest News", "More stories",
 * "Related", "Most read", "Sponsored Content", "You may also like".
 */
const TAIL_HEADING =
  /^(?:latest(?: news| stories| headlines| articles| videos?)?|more(?: stories| news| articles| videos?| from [\p{L}][\p{L} ]{0,30}| on this (?:story|topic)| in [\p{L}][\p{L} ]{0,30})?|related(?: stories| articles| coverage| content| news| topics| links)?|recommended(?: for you| stories| articles| reading)?|(?:most )?(?:read|popular|viewed|shared|commented)(?: now| stories| articles| today| this week)?|trending(?: now| stories| news)?|top stories|(?:you )?(?:may|might) (?:also )?(?:like|enjoy|be interested in)|read next|what to read next|also read|further reading|around the web|from (?:around|across) the web|editor['’]s picks|in other news|topics|tags|related topics|explore more on (?:these|this) topics?|more on this story|in this article|sponsored(?: content| stories| links)?|promoted(?: stories| content| links)?|paid content|partner content|comments?(?: \(\d+\))?|discussion|post navigation|quick links|useful links|we recommend|about the authors?|(?:did you )?(?:like|enjoy|enjoyed) this (?:article|story|post)\??|share (?:this|your thoughts)(?: [\p{L} ]{1,30})?)\W{0,3}$/iu

/**
 * The start of a reader-comment section: "34 responses to ...", "Leave a Reply", or a commenter's
 * "name says:" line, after which the page holds readers' words, not the article's.
 */
const COMMENT_START =
  /^(?:\d+ (?:comments?|responses?|replies|thoughts)(?: (?:to|on) .{1,200})?|(?:leave|post|add|write) a (?:reply|comment)|(?:join|start) the (?:discussion|conversation)|(?:reader )?comments? \(\d+\)|[^\s]{2,40}(?: [^\s]{1,40}){0,3} (?:says|said|wrote):)\W{0,3}$/iu

export function isCommentStart(text: string): boolean {
  return text.length <= 260 && COMMENT_START.test(text)
}

/** "Sponsored Content", "Paid post", "Presented by ...": a heading over teasers that are advertising. */
export function isSponsoredHeading(text: string): boolean {
  return text.length <= 80 && SPONSORED_HEADING.test(text)
}

// The same headings in other languages a scraped page may be written in.
const TAIL_HEADING_OTHER =
  /^(?:関連記事|関連リンク|関連ニュース|おすすめ記事|相关新闻|相关阅读|相關新聞|관련 ?기사|weitere beiträge(?: zum thema)?|mehr zum thema|das könnte sie auch interessieren|(?:à )?lire aussi|sur le même sujet|noticias relacionadas|te puede interesar|leia também|notizie correlate|leggi anche)\W{0,3}$/iu

// "More Washington Gazette": the site's own name after "More", in Title Case, over its teasers.
// "About Jane Doe": the author's biography box after the article.
const MORE_FROM_SITE =
  /^More(?: \p{Lu}[\p{L}'’&.-]*){1,4}$|^About \p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2}$/u

export function isTailHeading(text: string): boolean {
  return (
    text.length <= 60 &&
    (TAIL_HEADING.test(text) || MORE_FROM_SITE.test(text) || TAIL_HEADING_OTHER.test(text))
  )
}

/** A breadcrumb trail such as "Home > World > Asia" or "News | Politics | Japan". */
function isBreadcrumb(text: string, words: number): boolean {
  // "Jane Doe | Bloomberg | Getty Images" is a photo credit, read with its caption.
  if (words > 12 || endsLikeSentence(text) || text.endsWith('Getty Images')) return false
  const separators = text.match(/\s(?:>|›|»|\/|\|)\s/g)
  return separators !== null && separators.length >= 2
}

/** Cheap facts about a unit that several rules share. */
export type UnitFacts = {
  words: number
  quoted: boolean
  sentence: boolean
  secondPerson: boolean
  imperative: boolean
  promo: boolean
}

export function unitFacts(text: string): UnitFacts {
  const words = wordCountOf(text)
  const short = words <= MAX_FURNITURE_WORDS
  return {
    words,
    quoted: hasQuoteMarks(text),
    sentence: endsLikeSentence(text),
    secondPerson: short && SECOND_PERSON.test(text),
    imperative: short && IMPERATIVE_START.test(text),
    promo: short && PROMO_WORDS.test(text),
  }
}

/** Whether the unit addresses the reader to sell something: the core of a paywall or sign-up prompt. */
export function isPromotional(text: string, f: UnitFacts = unitFacts(text)): boolean {
  if (f.quoted || f.words > MAX_FURNITURE_WORDS) return false
  if (!f.promo) return false
  if (f.secondPerson) return true
  // Article sentences can start with "Support" or "Keep"; a prompt is short or is no sentence at all.
  if (f.imperative && (f.words <= 15 || !f.sentence)) return true
  return f.words <= 25 && PUBLISHER_SPEAK.test(text)
}

/**
 * The furniture rule a unit matches, or null when it may be article text. Context-dependent rules
 * (repeats, lists, the tail of the page, cookie buttons) live in clean.ts.
 */
export function furnitureReason(text: string, f: UnitFacts = unitFacts(text)): RemovalReason | null {
  // An unfilled placeholder marks a template line ("You have {{n}} free articles left"); a long line of
  // prose that merely mentions one (a story quoting code) stays, shown as text.
  if ((f.words <= 20 || !f.sentence) && TEMPLATE.test(text)) return 'template-placeholder'
  if (f.words > MAX_FURNITURE_WORDS) return null
  // "___", "* * *", "—": a rule between sections, no words at all.
  if (text.length <= 80 && !/[\p{L}\p{N}]/u.test(text)) return 'separator'
  if (f.words <= 45 && FOOTER.test(text)) return 'footer'
  if (isIconLabels(text, f.words) || isIconLigatureLabel(text, f.words)) return 'icon-labels'
  if (text.length <= 60 && GALLERY.test(text)) return 'photo-caption'
  if (text.length <= 80 && ADVERTISEMENT.test(text)) return 'advertisement'
  if (text.length <= 80 && SPONSORED_HEADING.test(text)) return 'sponsored'
  if (!f.quoted && f.words <= 40 && SPONSORED_NOTE.test(text)) return 'sponsored'
  if (COOKIES.test(text) && COOKIE_CONTEXT.test(text) && !f.quoted) return 'cookie-banner'
  if (text.length <= 60 && (SHARE_LABEL.test(text) || COUNTER.test(text))) return 'social'
  if (f.words <= 20 && FOLLOW_PROMPT.test(text)) return 'social'
  if (text.length <= 200 && !f.quoted && LINK_LABEL.test(text)) return 'related-link'
  if (!f.quoted && f.words <= 25 && PRICE.test(text) && PRICE_TERMS.test(text)) {
    if (f.imperative || f.secondPerson || !f.sentence) return 'price-offer'
  }
  if (!f.quoted && f.words <= 12 && !f.sentence && OFFER_LINE.test(text)) return 'price-offer'
  // Money asked of the reader ("Support us from as little as £1"): news does not address "you" with a price.
  if (!f.quoted && f.secondPerson && PRICE.test(text)) return 'price-offer'
  if (isPromotional(text, f)) return NEWSLETTER_WORDS.test(text) ? 'newsletter' : 'promotion'
  if (text.length <= 60 && NAV_LABEL.test(text)) return 'navigation'
  if (isBreadcrumb(text, f.words)) return 'navigation'
  return null
}

/**
 * Lines that must never be joined to a neighbour: a template placeholder or a run of icon labels.
 * Cheap pre-checks first, because this runs on every line of the input.
 */
export function standsAloneAsFurniture(line: string): boolean {
  if ((line.includes('{') || line.includes('$') || line.includes('[')) && TEMPLATE.test(line)) return true
  if (line.includes('_') && isIconLigatureLabel(line, wordCountOf(line))) return true
  return GLUED_CAPITAL.test(line) && isIconLabels(line, wordCountOf(line))
}

export function isBannerButton(text: string): boolean {
  return text.length <= 40 && BANNER_BUTTON.test(text)
}
