/**
 * Names a page gives its furniture, as class or id words: what trafilatura's discard rules and
 * Readability's "unlikely candidates" look for, narrowed to what survives inside an article's content
 * (photo captions and credits, share and follow buttons, related-story boxes, newsletter and subscription
 * prompts, breadcrumbs, author boxes, tag lists). Data, kept apart from the code that reads it.
 */
export const FURNITURE_NAME_WORDS: readonly string[] = [
  'caption',
  'credit',
  'credits',
  'byline',
  'share',
  'sharing',
  'social',
  'related',
  'newsletter',
  'subscribe',
  'subscription',
  'promo',
  'breadcrumb',
  'breadcrumbs',
  'author-bio',
  'authorbio',
  'author-box',
  'bio',
  'tags',
  'tag-list',
  'taglist',
  'advert',
  'advertisement',
  'ad-container',
  'sponsored',
  'recommended',
  'read-more',
  'readmore',
  'more-stories',
  'outbrain',
  'taboola',
  'comments',
  'signup',
  'sign-up',
  'gallery-count',
  'slideshow',
  'toolbar',
  'print-only',
  'visually-hidden',
  'sr-only',
  'cookie',
  'cookies',
  'gdpr',
  'consent',
  'gallery',
  'timestamp',
  'dateline',
]

/** Elements that hold pictures and their captions, never the article's running text. */
export const MEDIA_TAGS: readonly string[] = [
  'FIGURE',
  'FIGCAPTION',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'SVG',
  'BUTTON',
  'FORM',
  'NAV',
]

/** Class or id words of the one-sentence summary set under a headline (the standfirst, or deck). */
export const STANDFIRST_NAME_WORDS: readonly string[] = [
  'standfirst',
  'subtitle',
  'subheadline',
  'sub-headline',
  'subhead',
  'dek',
  'deck',
  'summary',
  'lede',
  'excerpt',
  'teaser',
  'strapline',
]
