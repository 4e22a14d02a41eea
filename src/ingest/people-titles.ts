/**
 * Word lists for the register of people (people-register.ts), folded (lower case, no accents, no dots).
 *
 * Leading titles are dropped from the front of a name when names are compared and shown ("President Donald
 * Trump" is Donald Trump; "Gov. Jose Alvarez" is Jose Alvarez). Never the last word of a name, and not the
 * titles that are part of how a person is named (king, queen, prince, princess, pope, sir, dame, lord, lady:
 * "Queen Elizabeth" is not an Elizabeth).
 */
export const LEADING_TITLES: ReadonlySet<string> = new Set(
  `mr mrs ms miss mx dr prof professor president vice prime minister premier chancellor secretary
  governor gov mayor senator sen representative rep congressman congresswoman councilman councilwoman
  councillor councilor chairman chairwoman chair ceo director general gen admiral adm colonel col captain
  capt lieutenant lt sergeant sgt commissioner judge justice chief attorney ambassador deputy former
  acting the us`.split(/\s+/),
)
