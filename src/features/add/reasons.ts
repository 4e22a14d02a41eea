/** The pipeline's reasons for leaving a line out, in words. Unknown codes are shown as they are. */
const REASONS: Record<string, string> = {
  'icon-labels': 'icon labels',
  'template-placeholder': 'a template placeholder',
  promotion: 'a promotion',
  'price-offer': 'a price offer',
  'subscription-benefits': 'a subscription pitch',
  newsletter: 'a newsletter sign-up',
  sponsored: 'a sponsored label',
  advertisement: 'an advertisement',
  'cookie-banner': 'a cookie banner',
  social: 'share or social buttons',
  'related-link': 'a link to another article',
  navigation: 'navigation',
  repeated: 'repeated text',
  'repeated-headline': 'the headline again',
  'photo-caption': 'a photo caption',
  timestamp: 'a time stamp',
  credits: 'credits',
  footer: 'the page footer',
  separator: 'a separator',
  'after-article-end': 'after the article’s end',
  'before-article-start': 'before the article’s start',
  comments: 'reader comments',
  'replaced-as-headline': 'the headline found first; you chose another',
}

export function reasonText(code: string): string {
  return REASONS[code] ?? code
}
