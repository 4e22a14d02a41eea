/**
 * Words a page's header-meta lines are made of (dates, share and sign-in prompts, "by" lines) and short
 * function words: what is left of a line once these are set aside says whether it reads as a title.
 * Data, apart from the code that reads it (header-meta.ts).
 */
const WHEN =
  'updated update published posted last first modified edited date time ago second seconds minute minutes hour hours week weeks month months year years today yesterday january february march april june july august september sept october november december monday tuesday wednesday thursday friday saturday sunday'
const WHO =
  'author authors written words staff writer reporter editor contributor correspondent photo photos credit images'
const PROMPTS =
  'share shares shared tweet twitter facebook whatsapp linkedin instagram youtube tiktok pinterest reddit telegram messenger email print link copy save sign signed login logged subscribe subscribed newsletter cookie cookies comment comments follow account contact read reading listen more'
const FUNCTION_WORDS =
  'this that these those with from into about your yours their when will have been than what they them here there just also were onto upon under over'

export const META_WORDS: ReadonlySet<string> = new Set(
  [WHEN, WHO, PROMPTS, FUNCTION_WORDS].join(' ').split(' '),
)
