/**
 * A small table of words and phrases news writers use interchangeably, so two outlets' accounts of one
 * event meet even when their wording differs ("agreed" / "affirmed", "walk away" / "leave", "summit" /
 * "talks"). General news language only: nothing here is keyed to any one article.
 *
 * Each group is a list of expressions in their base form; the first names the group. Expressions are
 * matched after stemming, so inflections come for free ("walked away", "affirms"). Groups are kept
 * narrow on purpose: a loose group links unrelated sentences, which is worse than missing a link.
 */
import { stem } from './stem'

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // statements and positions
  ['agree', 'affirm', 'reaffirm', 'concur', 'see eye to eye'],
  ['promise', 'pledge', 'vow', 'commit', 'undertake'],
  ['warn', 'caution'],
  ['say', 'tell', 'remark'],
  ['announce', 'unveil', 'disclose', 'reveal'],
  ['praise', 'hail', 'laud', 'welcome', 'applaud', 'commend'],
  ['criticize', 'criticise', 'condemn', 'denounce', 'slam', 'decry', 'lambaste', 'blast'],
  ['oppose', 'reject', 'rebuff', 'spurn', 'vote against'],
  ['support', 'endorse', 'endorsement'],
  ['accuse', 'allege', 'allegation', 'accusation'],
  ['deny', 'dismiss', 'refute'],
  ['concern', 'worry', 'fear', 'anxiety', 'unease'],
  // harm
  ['injure', 'injury', 'hurt', 'wound'],
  ['sideline', 'left out', 'leave out', 'exclude', 'marginalize', 'marginalise', 'shut out'],
  // meetings and negotiations
  ['meeting', 'meet', 'summit', 'talks', 'talk', 'negotiation', 'negotiate', 'dialogue', 'sit down'],
  ['leave', 'walk away', 'walk out', 'quit', 'depart', 'pull out', 'storm out'],
  ['cancel', 'call off', 'scrap', 'scrub'],
  ['deal', 'agreement', 'accord', 'pact', 'treaty'],
  ['cooperation', 'cooperate', 'collaborate', 'collaboration', 'coordination', 'coordinate'],
  ['ally', 'alliance'],
  ['resolve', 'settle', 'solve'],
  ['issue', 'problem'],
  ['maintain', 'sustain', 'keep up', 'uphold', 'retain'],
  ['pressure', 'sanction', 'sanctions'],
  ['abandon', 'give up', 'relinquish', 'renounce', 'forgo'],
  ['resign', 'step down', 'stand down', 'resignation'],
  ['appoint', 'nominate', 'nomination', 'appointment'],
  ['visit', 'trip', 'tour'],
  ['begin', 'start', 'launch', 'commence', 'kick off'],
  ['end', 'finish', 'conclude', 'wrap up'],
  ['plan', 'proposal', 'propose', 'scheme', 'blueprint', 'project'],
  ['approve', 'authorize', 'authorise', 'ratify', 'sign off', 'green light', 'greenlight'],
  ['law', 'legislation', 'statute'],
  ['vote', 'ballot'],
  ['investigate', 'probe', 'inquiry', 'enquiry', 'investigation'],
  ['arrest', 'detain', 'apprehend', 'custody'],
  ['convict', 'conviction', 'guilty', 'found guilty'],
  ['acquit', 'acquittal', 'not guilty'],
  ['embezzle', 'embezzlement', 'steal', 'siphon', 'misappropriate', 'theft'],
  ['ban', 'prohibit', 'outlaw'],
  ['abduct', 'kidnap', 'abduction'],
  ['help', 'assist', 'aid', 'assistance'],
  // outcomes and changes
  ['fruitful', 'productive', 'constructive'],
  ['success', 'succeed', 'successful'],
  ['fail', 'failure', 'collapse', 'flop'],
  ['win', 'victory', 'triumph', 'prevail', 'beat'],
  ['defeat', 'loss', 'unseat', 'oust', 'topple'],
  ['increase', 'rise', 'raise', 'hike', 'boost', 'lift', 'climb', 'jump', 'surge', 'soar', 'gain'],
  ['cut', 'reduce', 'reduction', 'decrease', 'lower', 'slash', 'drop', 'decline', 'plunge', 'slump'],
  [
    'lay off',
    'layoff',
    'job cut',
    'cut job',
    'redundancy',
    'eliminate job',
    'eliminate position',
    'shed job',
    'axe job',
  ],
  ['price', 'cost'],
  ['important', 'vital', 'crucial', 'critical', 'essential'],
  ['big', 'large', 'huge', 'massive', 'vast'],
  ['soon', 'shortly'],
  // people and organisations
  ['company', 'firm', 'business', 'corporation'],
  ['employee', 'worker', 'staff', 'workforce', 'personnel'],
  ['share', 'stock'],
  ['government', 'administration'],
  ['country', 'nation'],
  ['soldier', 'troop', 'serviceman'],
  ['police', 'law enforcement', 'cop'],
  ['doctor', 'physician'],
  ['child', 'kid'],
  ['home', 'house', 'residence', 'dwelling'],
  ['car', 'vehicle', 'automobile'],
  ['manager', 'coach', 'head coach'],
  // harm and disaster
  ['kill', 'die', 'dead', 'death', 'fatality', 'fatal', 'perish', 'death toll'],
  ['injure', 'injury', 'wound', 'hurt'],
  ['attack', 'assault', 'raid', 'offensive'],
  ['earthquake', 'quake', 'tremor', 'temblor'],
  ['fire', 'blaze', 'wildfire', 'inferno'],
  ['flood', 'flooding', 'inundate', 'deluge'],
  ['evacuate', 'evacuation', 'flee'],
  ['nuclear weapon', 'nuclear arsenal', 'nuke'],
  // countries and the adjectives that name them ("Japanese" officials are Japan's)
  ['united states', 'us', 'usa', 'america', 'american'],
  ['united kingdom', 'uk', 'britain', 'british'],
  ['japan', 'japanese'],
  ['korea', 'korean'],
  ['china', 'chinese'],
  ['russia', 'russian'],
  ['france', 'french'],
  ['germany', 'german'],
  ['india', 'indian'],
  ['iran', 'iranian'],
  ['iraq', 'iraqi'],
  ['israel', 'israeli'],
  ['palestine', 'palestinian'],
  ['ukraine', 'ukrainian'],
  ['taiwan', 'taiwanese'],
  ['mexico', 'mexican'],
  ['canada', 'canadian'],
  ['brazil', 'brazilian'],
  ['italy', 'italian'],
  ['spain', 'spanish'],
  ['turkey', 'turkish'],
  ['syria', 'syrian'],
  ['afghanistan', 'afghan'],
  ['pakistan', 'pakistani'],
  ['egypt', 'egyptian'],
  ['australia', 'australian'],
  ['vietnam', 'vietnamese'],
  ['philippines', 'filipino', 'philippine'],
  ['indonesia', 'indonesian'],
  ['thailand', 'thai'],
  ['europe', 'european'],
  ['africa', 'african'],
  ['asia', 'asian'],
  ['poland', 'polish'],
  ['netherlands', 'dutch'],
  ['sweden', 'swedish'],
  ['greece', 'greek'],
  ['nigeria', 'nigerian'],
  ['argentina', 'argentine', 'argentinian'],
  ['venezuela', 'venezuelan'],
  ['cuba', 'cuban'],
  ['ireland', 'irish'],
  ['switzerland', 'swiss'],
  ['portugal', 'portuguese'],
  ['saudi arabia', 'saudi'],
]

export type Lexicon = {
  /** stem -> group key, for one-word expressions. */
  words: ReadonlyMap<string, string>
  /** first stem -> multi-word expressions starting with it, longest first. */
  phrases: ReadonlyMap<string, readonly { stems: readonly string[]; key: string }[]>
  /** group key -> the group's name, for showing readers. */
  labels: ReadonlyMap<string, string>
}

let lexicon: Lexicon | null = null

function stemsOf(expression: string): string[] {
  return expression.split(' ').map(stem)
}

/** The synonym table, stemmed once on first use. */
export function synonymLexicon(): Lexicon {
  if (lexicon) return lexicon
  const words = new Map<string, string>()
  const phrases = new Map<string, { stems: string[]; key: string }[]>()
  const labels = new Map<string, string>()
  for (const group of SYNONYM_GROUPS) {
    const key = `~${stemsOf(group[0]!).join('_')}`
    labels.set(key, group[0]!)
    for (const expression of group) {
      const stems = stemsOf(expression)
      if (stems.length === 1) {
        // The first group to claim a word keeps it, so the table's order settles any overlap.
        if (!words.has(stems[0]!)) words.set(stems[0]!, key)
      } else {
        const list = phrases.get(stems[0]!) ?? []
        list.push({ stems, key })
        phrases.set(stems[0]!, list)
      }
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length)
  lexicon = { words, phrases, labels }
  return lexicon
}
