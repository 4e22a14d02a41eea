/**
 * Words for speakers the article describes rather than names: roles that stand for someone unnamed, roles
 * that carry a gender, nouns that stand for a named organisation. General English, lowercase; data apart
 * from the code that reads it (speakers.ts).
 */

/** Roles that usually stand for someone the article does not name. */
export const ANONYMOUS_ROLES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'aide',
  'adviser',
  'advisor',
  'source',
  'lawyer',
  'attorney',
  'representative',
  'staffer',
  'witness',
  'resident',
])

export function genderOfRole(head: string): 'm' | 'f' | null {
  return FEMALE_ROLE.test(head) ? 'f' : MALE_ROLE.test(head) ? 'm' : null
}
const FEMALE_ROLE =
  /^(?:mother|woman|wife|daughter|sister|grandmother|actress|chairwoman|businesswoman|congresswoman)$/
const MALE_ROLE = /^(?:father|man|husband|son|brother|grandfather|actor|chairman|businessman|congressman)$/

/** Nouns that stand for an organisation the article has named ("the company said"). */
export const ORG_NOUNS = new Set([
  'company',
  'firm',
  'agency',
  'ministry',
  'department',
  'carmaker',
  'bank',
  'retailer',
])
