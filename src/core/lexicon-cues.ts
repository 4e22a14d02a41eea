/**
 * Attribution cues: the words around a reporting verb (quotes/reporting-verbs.ts holds the verbs). General English, lowercase.
 */

/**
 * Words that may stand between a subject and its verb without changing who speaks: "Trump also said",
 * "Abe has repeatedly said", "the minister later told".
 */
export const SUBJECT_VERB_FILLERS: ReadonlySet<string> = new Set([
  'also',
  'has',
  'have',
  'had',
  'later',
  'then',
  'again',
  'once',
  'previously',
  'repeatedly',
  'reportedly',
  'recently',
  'earlier',
  'further',
  'separately',
  'simply',
  'only',
  'just',
  'publicly',
  'privately',
  'bluntly',
  'flatly',
  'firmly',
  'openly',
  'quickly',
  'calmly',
  'angrily',
  'cautiously',
  'confidently',
  'jokingly',
  'once',
  'frequently',
  'often',
  'always',
  'never',
  'subsequently',
  'initially',
  'finally',
  'would',
  'will',
  'had',
  'did',
  'emphatically',
  'optimistically',
  'pointedly',
  'sharply',
  'tersely',
  'succinctly',
])

/** Words after "on"/"in"/"last" that make a time phrase a subject may be separated by ("Trump on Wednesday said"). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'month',
  'year',
  'night',
  'morning',
  'afternoon',
  'evening',
  'weekend',
  'today',
  'yesterday',
])

/** Subject pronouns that can start an attribution. Object forms never do. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it'])
