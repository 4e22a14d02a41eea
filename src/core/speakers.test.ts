import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fixtureBlocks, quoteFixtures } from '../../test/fixtures/quotes/blocks'
import { buildArticle } from './pipeline'
import { quoteSchema, speakerSchema, type Paragraph, type Quote, type Speaker } from './schema'
import { analyseQuotes } from './speakers'

function article(headline: string, ...paragraphs: string[]): Paragraph[] {
  return [{ id: 'headline', text: headline }, ...paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))]
}

/** Each quote as a reader sees it: the words, who said them, how we know, how sure we are. */
function attributed(blocks: readonly Paragraph[]) {
  const { quotes, speakers } = analyseQuotes(blocks)
  const names = new Map(speakers.map((s) => [s.id, s.name]))
  return quotes.map((q) => ({
    text: q.text,
    speaker: q.speakerId === null ? null : (names.get(q.speakerId) ?? `?${q.speakerId}`),
    method: q.cue?.method ?? null,
    confidence: q.confidence,
    kind: q.kind,
    cue: q.cue?.text ?? null,
  }))
}

describe('quote fixtures', () => {
  for (const { name, raw, expected, seed } of quoteFixtures()) {
    it(`marks every quote in ${name} with the speaker a careful reader would name`, () => {
      const blocks = seed
        ? (() => {
            const a = buildArticle(raw, { outlet: null, sourceUrl: null, storyId: null })
            return [
              { id: 'headline', text: a.headline },
              ...(a.deck ? [{ id: 'deck', text: a.deck }] : []),
              ...a.paragraphs,
            ]
          })()
        : fixtureBlocks(raw)
      const { quotes, speakers } = analyseQuotes(blocks)
      const names = new Map(speakers.map((s) => [s.id, s.name]))
      expect(
        quotes.map((q) => ({
          paragraphId: q.paragraphId,
          text: q.text,
          kind: q.kind,
          speaker: q.speakerId === null ? null : (names.get(q.speakerId) ?? null),
          method: q.cue?.method ?? null,
        })),
      ).toEqual(expected.quotes)
      expect(speakers.map((s) => ({ name: s.name, role: s.role }))).toEqual(expected.speakers)
    })
  }
})

describe('analyseQuotes', () => {
  it('names the speaker after "said" and before "said", with the cue as evidence', () => {
    const blocks = article(
      'Port talks stall',
      '"We are close," said Sheila Smith, a senior negotiator for the union.',
      '"We are not," Paul Grant said.',
    )
    const { quotes, speakers } = analyseQuotes(blocks)
    expect(quotes.map((q) => [q.speakerId, q.confidence, q.cue?.text, q.cue?.verb, q.cue?.method])).toEqual([
      ['sheila-smith', 0.95, 'said Sheila Smith', 'said', 'name'],
      ['paul-grant', 0.95, 'Paul Grant said', 'said', 'name'],
    ])
    for (const q of quotes) {
      const block = blocks.find((b) => b.id === q.cue!.paragraphId)!
      expect(block.text.slice(q.cue!.start, q.cue!.end)).toBe(q.cue!.text)
    }
    expect(speakers).toEqual([
      { id: 'sheila-smith', name: 'Sheila Smith', role: 'senior negotiator for the union' },
      { id: 'paul-grant', name: 'Paul Grant', role: null },
    ])
  })

  it('resolves a role to the person the article itself gave that role', () => {
    const rows = attributed(
      article(
        'Summit ends',
        'French President Anne Leclerc met German Chancellor Jonas Weber on Monday.',
        '"This was a good day," the French president said.',
        '"We agree," the German chancellor said.',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method, r.confidence])).toEqual([
      ['Anne Leclerc', 'role', 0.85],
      ['Jonas Weber', 'role', 0.85],
    ])
  })

  it('keeps a role nobody in the article holds as evidence but names no one', () => {
    const [row] = attributed(article('Talks', '"It is over," a senior official said.'))
    expect(row).toMatchObject({ speaker: null, method: 'none', confidence: 0, cue: 'a senior official said' })
  })

  it('gives he or she to the most recent person named whose known gender fits', () => {
    const rows = attributed(
      article(
        'Budget vote',
        'Ms. Dana Ortiz, the finance minister, spoke first. Mr. Leo Park, her deputy, followed.',
        '"We will balance the books," she said.',
        '"And we will do it this year," he said.',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method, r.confidence])).toEqual([
      ['Dana Ortiz', 'pronoun', 0.7],
      ['Leo Park', 'pronoun', 0.7],
    ])
  })

  it('does not give "they" to any one person', () => {
    const [row] = attributed(article('Vote', 'Paul Grant spoke first.', '"We are ready," they said.'))
    expect(row).toMatchObject({ speaker: null, method: 'none', confidence: 0 })
  })

  it('continues the previous paragraph’s speaker for a quotation paragraph without a cue', () => {
    const blocks = article(
      'Pressure',
      'Abe welcomed the stance. Prime Minister Shinzo Abe said "there should be no reward for dialogue."',
      '"Maximum pressure needs to be maintained."',
    )
    const { quotes } = analyseQuotes(blocks)
    expect(quotes[1]).toMatchObject({ speakerId: 'shinzo-abe', confidence: 0.6 })
    expect(quotes[1]!.cue).toMatchObject({
      method: 'continuation',
      verb: 'continuation',
      text: 'Shinzo Abe said',
    })
    expect(quotes[1]!.cue!.paragraphId).toBe('p1')
  })

  it('does not continue a speaker into a quotation that opens the first body paragraph', () => {
    const [row] = attributed(article('"Not fruitful"', '"We will leave."'))
    expect(row).toMatchObject({ speaker: null, confidence: 0 })
  })

  it('gives a second quote in the same paragraph the speaker of the first', () => {
    const rows = attributed(
      article(
        'Meeting',
        '"If it fails, we leave," Trump said at the news conference. "I will respectfully leave."',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method, r.confidence])).toEqual([
      ['Trump', 'name', 0.95],
      ['Trump', 'name', 0.9],
    ])
  })

  it('gives a quote with no cue to the person the sentence before it is about, not the earlier speaker', () => {
    const rows = attributed(
      article(
        'Talks',
        'Prime Minister Shinzo Abe and President Donald Trump met.',
        '"We agree," Trump said. Abe disagreed sharply. "We do not."',
        '"Not at all."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Donald Trump', 'Shinzo Abe', 'Shinzo Abe'])
  })

  it('gives a quotation paragraph to the person the paragraph before it introduced', () => {
    const rows = attributed(
      article(
        'Tariffs',
        'Hugo Lindqvist, the chief executive of a shipping line, did not mince words about the tariffs.',
        '"This is a tax on every family that buys anything made abroad."',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method, r.cue])).toEqual([
      ['Hugo Lindqvist', 'continuation', 'Hugo Lindqvist'],
    ])
  })

  it('names the speaker of an opening quotation from the sentence right after it, not from a later one', () => {
    const named = attributed(
      article(
        'Crossing',
        '"We asked for a traffic light at that corner for six years."',
        "That was how Deborah Okonkwo, who chairs the tenants' group, opened the meeting.",
      ),
    )
    expect(named.map((r) => r.speaker)).toEqual(['Deborah Okonkwo'])
    const far = attributed(
      article(
        'Crossing',
        '"We asked for a traffic light at that corner for six years."',
        'The council has met monthly since spring, and the agenda was long on Tuesday night as usual.',
        "Deborah Okonkwo, who chairs the tenants' group, spoke first.",
      ),
    )
    expect(far.map((r) => r.speaker)).toEqual([null])
  })

  it('does not give a quotation to an unnamed aide\'s boss ("Mr. Whitaker\'s spokeswoman said")', () => {
    const rows = attributed(
      article(
        'Inquiry',
        'Attorney General Leon Whitaker has not commented on the inquiry.',
        '"The attorney general will not discuss an open matter," Mr. Whitaker\'s spokeswoman said.',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.cue])).toEqual([[null, "Mr. Whitaker's spokeswoman said"]])
  })

  it('names a titled person after "according to" and a person described before the name after "said"', () => {
    const rows = attributed(
      article(
        'Sales',
        'The firm "has no plan to turn that around," according to analyst Mei-Lin Chou of Harbor Capital.',
        '"Rents have doubled on your watch," said challenger Nadia Petrov.',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Mei-Lin Chou', 'Nadia Petrov'])
  })

  it('knows a person by a given name from beyond the English-speaking world, and her pronoun', () => {
    const rows = attributed(
      article(
        'Flood',
        'Lorena Vidal remembers the night the levee failed.',
        '"The water came up through the floorboards first," she said.',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method])).toEqual([['Lorena Vidal', 'pronoun']])
  })

  it('gives a family name on second reference to the full name ("Ferreira-Gomes", "O\'Malley" after "Jr.")', () => {
    const rows = attributed(
      article(
        'Visit',
        "President Lucia Ferreira-Gomes met Thomas O'Malley Jr., the county sheriff, on Friday.",
        '"This is a partnership of equals," Ferreira-Gomes said. "Forty years is enough," O\'Malley said.',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Lucia Ferreira-Gomes', "Thomas O'Malley Jr."])
  })

  it('reads initials, a party tag and an employer before a role as parts of the cue, not speakers', () => {
    const rows = attributed(
      article(
        'Court',
        '"The court got this one badly wrong," said J.R. Castellanos, a law professor.',
        'Sen. Rowan Whitlock (R-Idaho) told reporters the bill was "dead on arrival in its current form."',
        '"The plant stays open," said Acme Steel spokesman Ted Marlow.',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['J.R. Castellanos', 'Rowan Whitlock', 'Ted Marlow'])
  })

  it('reads a transcript label with a title, a typewriter sign-off and a described person after "said"', () => {
    const rows = attributed(
      article(
        'Program',
        'SEN. ABEL THORNQUIST: I will, if the border money stays in.',
        'MARCY DELACROIX: And if it does not?',
        'THORNQUIST: Then we start over.',
        '"Our library is the only warm room in town." --Rosalind Achebe-Kane, Millbrook',
        '"Every orchestra is a small democracy," said conductor Pieter van der Berg.',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual([
      'Abel Thornquist',
      'Marcy Delacroix',
      'Abel Thornquist',
      'Rosalind Achebe-Kane',
      'Pieter van der Berg',
    ])
  })

  it('takes a name that opens a sentence for a person when "he" or "she" follows, and "whose" as a person\'s', () => {
    const rows = attributed(
      article(
        'Clocks',
        'Gideon Achterberg has restored clocks for fifty years.',
        '"Every clock," he explained, "tells you how it was treated."',
        'Quang Nguyen, whose parents fled in 1975, told the crowd: "This country gave us a second chance."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Gideon Achterberg', 'Gideon Achterberg', 'Quang Nguyen'])
    const noPronoun = attributed(
      article('Bank', 'Harbor Capital has raised its forecast.', '"Growth is back."'),
    )
    expect(noPronoun.map((r) => r.speaker)).toEqual([null])
  })

  it('names the titled person in the apposition after a role of an organisation, not the organisation', () => {
    const rows = attributed(
      article(
        'Bill',
        'The chairman of the Finance Committee, Senator Walt Grigsby of Iowa, said: "We will mark it up next week."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Walt Grigsby'])
  })

  it('gives "the company said" to the company the article named, and to nobody when it named none', () => {
    const named = attributed(
      article(
        'Recall',
        'Carvell Motors announced the recall on Monday.',
        '"Safety comes first," the company said.',
      ),
    )
    expect(named.map((r) => r.speaker)).toEqual(['Carvell Motors'])
    const unnamed = attributed(
      article('Recall', 'A recall began on Monday.', '"Safety comes first," the company said.'),
    )
    expect(unnamed.map((r) => r.speaker)).toEqual([null])
  })

  it('reads past a leading clause, an honorific with an age, and a party tag ending in a full stop', () => {
    const rows = attributed(
      article(
        'Town',
        'Asked whether he would run again, Mr. Delgado smiled. "Ask me in a year."',
        'Mr. Brandt, 52, a retired firefighter, said the station "was the heart of this town."',
        'House Speaker Renata Albescu (D-Calif.) said Tuesday that the bill was "dead on the floor."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Delgado', 'Brandt', 'Renata Albescu'])
  })

  it('takes a lone surname set off by commas before a speech verb for a person', () => {
    const rows = attributed(
      article(
        'Vote',
        '"We\'re done," Perez, a Democrat, said flatly.',
        'Lindqvist, asked about the layoffs, said: "Nobody wanted this."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Perez', 'Lindqvist'])
  })

  it('gives a definite description back to the person just named, never to an unnamed spokesman', () => {
    const rows = attributed(
      article(
        'Care',
        'Grete Alvik, 38, has two children. "Daycare costs more than rent," said the nurse.',
        'Mayor Ivo Petek met the envoy. "Talks were useful," said the spokesman.',
        'Mayor Ivo Petek met the governor. "Talks were useful," said the governor.',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Grete Alvik', null, null])
  })

  it('reads "Her answer is: ..." as the woman just named, but not a sentence about someone\'s landlord', () => {
    const rows = attributed(
      article(
        'Rent',
        'Esther Abiodun has heard every excuse. Her answer is always the same: "Fix it, or I call the city."',
        'Esther Abiodun has heard every excuse. His landlord disagreed. "Fix it."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Esther Abiodun', null])
  })

  it('gives every paragraph of a newswire quotation the same speaker', () => {
    const rows = attributed(
      article(
        'Strike',
        '"We have been patient for two years," union leader Tomas Reyes said. "We will not wait.',
        '"They know our number.',
        '"And we know theirs."',
      ),
    )
    expect(rows.map((r) => r.speaker)).toEqual(['Tomas Reyes', 'Tomas Reyes', 'Tomas Reyes', 'Tomas Reyes'])
  })

  it('finds a titled name after an inverted verb', () => {
    const rows = attributed(
      article(
        'Strike',
        '"We will fight," said union leader Tomas Reyes.',
        '"So will we," said Mr. Lee Park.',
      ),
    )
    expect(rows.map((r) => [r.speaker, r.method, r.cue])).toEqual([
      ['Tomas Reyes', 'name', 'said union leader Tomas Reyes'],
      ['Lee Park', 'name', 'said Mr. Lee Park'],
    ])
  })

  it('reads the apposition after a name as the speaker’s role', () => {
    const { speakers } = analyseQuotes(
      article(
        'Alliance',
        '"Abe can go home with a win," said Sheila Smith, senior fellow for Japan studies at the Council on Foreign Relations, a U.S. think tank.',
      ),
    )
    expect(speakers).toEqual([
      {
        id: 'sheila-smith',
        name: 'Sheila Smith',
        role: 'senior fellow for Japan studies at the Council on Foreign Relations',
      },
    ])
  })

  it('finds the speaker before an apposition and the verb', () => {
    const rows = attributed(
      article('Levy', "Labour's health spokesman, Peter Lang, accused the government of 'dithering' on it."),
    )
    expect(rows).toMatchObject([{ text: 'dithering', speaker: 'Peter Lang', method: 'name' }])
  })

  it('names the person in apposition to a role ("said the ministry’s spokesman, Lu Kang")', () => {
    const rows = attributed(
      article('Reply', 'Lu Kang spoke first.', '"We object," said the chief spokesman, Lu Kang, on Monday.'),
    )
    expect(rows).toMatchObject([{ speaker: 'Lu Kang', method: 'apposition', confidence: 0.9 }])
  })

  it('gives one speaker per person across the article, whatever form the name takes', () => {
    const { quotes, speakers } = analyseQuotes(
      article(
        'Kim meeting',
        'North Korean leader Kim Jong-un arrived on Monday.',
        '"We are ready," Kim said.',
        '"We will talk," said Kim Jong Un.',
      ),
    )
    expect(speakers).toEqual([{ id: 'kim-jong-un', name: 'Kim Jong-un', role: 'North Korean leader' }])
    expect(quotes.map((q) => q.speakerId)).toEqual(['kim-jong-un', 'kim-jong-un'])
  })

  it('gives the same person the same id in two different articles', () => {
    const one = analyseQuotes(article('A', 'Donald Trump said "we will see."'))
    const two = analyseQuotes(article('B', 'U.S. President Donald J. Trump arrived.', '"Fine," said Trump.'))
    expect(one.speakers[0]!.id).toBe('donald-trump')
    expect(two.speakers[0]!.id).toBe('donald-j-trump')
    expect(two.quotes[0]!.speakerId).toBe(two.speakers[0]!.id)
  })

  it('gives a shared surname to the one of two people mentioned last, with lower confidence', () => {
    const rows = attributed(
      article(
        'Two Smiths',
        'Mayor John Smith and council member Mary Smith disagreed.',
        'Mary Smith spoke first. "It is a mistake," Smith said.',
      ),
    )
    expect(rows).toMatchObject([{ speaker: 'Mary Smith', method: 'name', confidence: 0.75 }])
  })

  it('leaves a quote unattributed when no cue, colon or neighbour says who spoke', () => {
    const [row] = attributed(article('Sign', 'A sign at the gate read "No deal, no ships" all week.'))
    expect(row).toEqual({
      text: 'No deal, no ships',
      speaker: null,
      method: null,
      confidence: 0,
      kind: 'partial',
      cue: null,
    })
  })

  it('attributes with "according to"', () => {
    const rows = attributed(
      article(
        'Venues',
        'CIA Director Mike Pompeo visited.',
        'The talks went "very smoothly," according to Pompeo.',
      ),
    )
    expect(rows).toMatchObject([{ speaker: 'Mike Pompeo', method: 'name', cue: 'according to Pompeo' }])
  })

  it('attributes a quote introduced by a name and a colon', () => {
    const rows = attributed(article('Trump: "We will walk out"', 'Jane Doe: "I have nothing to add."'))
    expect(rows.map((r) => [r.text, r.speaker])).toEqual([
      ['We will walk out', 'Trump'],
      ['I have nothing to add.', 'Jane Doe'],
    ])
  })

  it('gives a quote after "by saying" to the subject of the sentence, not the person in between', () => {
    const rows = attributed(
      article(
        'Echo',
        'Japanese Prime Minister Shinzo Abe spoke. Trump echoed the Japanese prime minister by saying that there was "a bright path" ahead.',
      ),
    )
    expect(rows).toMatchObject([
      { speaker: 'Trump', method: 'name', cue: 'Trump echoed the Japanese prime minister by saying' },
    ])
  })

  it('gives a relative clause ("X, who said") to the name before it', () => {
    const rows = attributed(article('Union', 'They met Ana Ruiz, who said the plan was "dead on arrival."'))
    expect(rows).toMatchObject([{ speaker: 'Ana Ruiz' }])
  })

  it('lets an organisation be the speaker', () => {
    const rows = attributed(
      article('Reply', 'The Foreign Ministry said in a statement that the claims were "groundless."'),
    )
    expect(rows).toMatchObject([{ speaker: 'Foreign Ministry', method: 'name', confidence: 0.9 }])
  })

  it('lowers the confidence of a cue far before a fragment', () => {
    const rows = attributed(
      article(
        'Visit',
        'On Wednesday, Trump tweeted that CIA Director Mike Pompeo had been in the North Korean capital for a long meeting with Kim that had by all accounts gone "very smoothly."',
      ),
    )
    expect(rows).toMatchObject([{ speaker: 'Trump', confidence: 0.85 }])
  })

  it('gives a headline scare quote the speaker of the body quote it repeats', () => {
    const blocks: Paragraph[] = [
      { id: 'headline', text: "Trump ready to walk out if 'not fruitful'" },
      { id: 'p1', text: '"If the meeting isn\'t fruitful, I will leave," Trump said.' },
    ]
    const { quotes } = analyseQuotes(blocks)
    expect(quotes[0]).toMatchObject({ kind: 'scare', speakerId: 'trump', confidence: 0.5 })
    expect(quotes[0]!.cue).toMatchObject({ method: 'echo', paragraphId: 'p1', text: quotes[1]!.text })
  })

  it('calls a short uncued quote in the body a scare quote', () => {
    const rows = attributed(
      article('Dividend', 'The so-called "peace dividend" has become a favourite phrase.'),
    )
    expect(rows).toMatchObject([{ kind: 'scare', speaker: null, cue: null }])
  })

  it('never guesses from a name inside the quotation itself', () => {
    const rows = attributed(article('Inside', 'The banner read "Trump said we would win" on Monday.'))
    expect(rows).toMatchObject([{ speaker: null, confidence: 0 }])
  })

  it('returns quotes and speakers that satisfy the data contract, in reading order with ids q1, q2 ...', () => {
    const { quotes, speakers } = analyseQuotes(
      article('"A" and "B"', '"One," said Ann Lee. "Two," said Bob Ray.', '"Three."'),
    )
    expect(quotes.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5'])
    for (const q of quotes) expect(v.is(quoteSchema, q)).toBe(true)
    for (const s of speakers) expect(v.is(speakerSchema, s)).toBe(true)
  })

  it('gives the same output for the same blocks, even in a fresh array', () => {
    const blocks = fixtureBlocks('Headline\n\n"One," said Ann Lee.\n\n"Two," she said.')
    const first: { quotes: Quote[]; speakers: Speaker[] } = analyseQuotes(blocks)
    expect(analyseQuotes(blocks.map((b) => ({ ...b })))).toEqual(first)
    expect(analyseQuotes(blocks)).toEqual(first)
  })
})

describe('who said it, on patterns from real news', () => {
  /** [quoted words, speaker name] for every quote. */
  const said = (...paragraphs: string[]) =>
    attributed(article('A headline', ...paragraphs)).map((q) => [q.text, q.speaker])

  it('reads a reporting verb outside the short list ("beamed", "conceded", "testified")', () => {
    expect(said('"We were wrong about the timing," conceded Paul Reyes, the board\'s chairman.')).toEqual([
      ['We were wrong about the timing,', 'Paul Reyes'],
    ])
    expect(said('"This is the best day of my life," beamed Sofia Marquez, 24.')).toEqual([
      ['This is the best day of my life,', 'Sofia Marquez'],
    ])
  })

  it('names the person after an outlet and a role, not the outlet', () => {
    expect(said('"We need more buses," said WXYZ host Dana Lee during the broadcast.')).toEqual([
      ['We need more buses,', 'Dana Lee'],
    ])
    expect(said('"The numbers have moved," said a Midwest Polling researcher, Sam Ortiz.')).toEqual([
      ['The numbers have moved,', 'Sam Ortiz'],
    ])
  })

  it('names the verb\'s subject, not the words before the colon ("wrote on social media: ...")', () => {
    expect(said('Senator Grace Holt wrote on social media: "This bill is a betrayal."')).toEqual([
      ['This bill is a betrayal.', 'Grace Holt'],
    ])
  })

  it('names the person who opens a long subject with a book title in it, and leaves the title out', () => {
    expect(
      said(
        'Marta Ilves, the author of "The Long Winter," a history of the blockade, said the embargo was "a gamble that nobody wins."',
      ),
    ).toEqual([['a gamble that nobody wins.', 'Marta Ilves']])
  })

  it('resolves "she" past a man to the woman the passage named', () => {
    expect(
      said(
        'Ana Reyes has run the bakery since 2009, with her nephew Tom Reyes.',
        'Last winter a pipe burst. "We lost everything," she said.',
      ),
    ).toEqual([['We lost everything,', 'Ana Reyes']])
  })

  it('resolves "he" to the man named as the object when the subject is a woman', () => {
    expect(
      said(
        'Senator Ruth Kagan questioned the nominee, Peter Vance, for two hours.',
        '"Do you believe the election was stolen?" she asked.',
        '"I believe there were irregularities," he replied.',
      ),
    ).toEqual([
      ['Do you believe the election was stolen?', 'Ruth Kagan'],
      ['I believe there were irregularities,', 'Peter Vance'],
    ])
  })

  it('reads "as X put it" as X speaking', () => {
    expect(said('The hearing, as Representative Cole Dunbar put it, was "a circus with a gavel."')).toEqual([
      ['a circus with a gavel.', 'Cole Dunbar'],
    ])
  })

  it('gives a transcript turn to the person its label names', () => {
    expect(
      said(
        "This is a transcript of Dana Lee's interview with Senator Grace Holt.",
        'LEE: Will you vote for the bill?',
        'HOLT: Not in its current form.',
      ),
    ).toEqual([
      ['Will you vote for the bill?', 'Dana Lee'],
      ['Not in its current form.', 'Grace Holt'],
    ])
  })

  it('does not read a single capitalised label ("UPDATE: ...") as a transcript', () => {
    expect(said('UPDATE: The vote was delayed.', 'The council met on Monday.')).toEqual([])
  })

  it('gives a quotation signed off with a dash to the person named after it', () => {
    expect(said('"We build the bridge, or we lose the town." — Carl Fenn, a farmer')).toEqual([
      ['We build the bridge, or we lose the town.', 'Carl Fenn'],
    ])
  })

  it('gives a quotation inside a quotation to nobody, and the outer one to the speaker', () => {
    expect(
      said(
        '"My mother used to say, \'Never trust a man who counts his change twice,\' and she was right," said Victor Hale.',
      ),
    ).toEqual([
      [
        "My mother used to say, 'Never trust a man who counts his change twice,' and she was right,",
        'Victor Hale',
      ],
      ['Never trust a man who counts his change twice,', null],
    ])
  })

  it('keeps the names of films and programmes out of the quotes', () => {
    expect(
      said(
        'Speaking on CBS\'s "Face the Nation" on Sunday, Senator Tom Reese said: "The votes aren\'t there."',
      ),
    ).toEqual([["The votes aren't there.", 'Tom Reese']])
  })

  it("reads a headline that opens with a name and a colon as that person's words, not a scare quote", () => {
    const rows = attributed(
      article(
        "Ortega: Budget 'dead on arrival'",
        'House Speaker Luis Ortega said the budget was "dead on arrival."',
      ),
    )
    expect(rows.map((q) => [q.text, q.speaker, q.kind])).toEqual([
      ['dead on arrival', 'Luis Ortega', 'partial'],
      ['dead on arrival.', 'Luis Ortega', 'partial'],
    ])
  })
})
