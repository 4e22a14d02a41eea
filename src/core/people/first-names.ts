/**
 * Common given names and the gender they usually carry, for two uses only: a known given name before a
 * capitalised surname is evidence of a person ("Ana Reyes has run the bakery"), and its gender rules out a
 * he/she antecedent that cannot fit. Names used for both are left out. General, lowercase; no people listed.
 */
const FEMALE =
  'abigail ada adriana agnes aisha alice alicia alison amanda amber amelia amy ana andrea angela anita ann anna ' +
  'anne annie april ashley audrey barbara beatrice bea beth betty beverly bonnie brenda brittany camila carla ' +
  'carmen carol caroline catherine cecilia charlotte chloe christina christine claire clara claudia colleen ' +
  'cynthia daisy danielle deborah debra denise diana diane donna doris dorothy eileen elaine eleanor elena ' +
  'elizabeth ellen emi emily emma erica erin esther eva evelyn fatima fiona frances gabriela gloria grace greta ' +
  'hana hannah harriet heather helen helena ingrid irene isabel isabella jacqueline jane janet janice jasmine ' +
  'jennifer jessica jill joan joanna josephine joyce judith judy julia julie karen katherine kathleen kathy ' +
  'katie kimberly kristen laura lauren leah lena linda lisa lorraine louise lucia lucie lucy lydia ' +
  'madison margaret maria marie marilyn marion marta martha mary maya megan melanie melissa mia michelle monica ' +
  'nadia nancy naomi natalie nia nicole nina nora olga olivia pamela patricia paula pauline priya rachel ' +
  'rebecca rita roberta rosa rose ruth sabrina samantha sandra sara sarah sharon sheila shirley sofia ' +
  'sophia sophie stephanie susan suzanne tamara tanya teresa tess theresa tiffany tina valerie vanessa ' +
  'veronica wanda wendy yolanda yvonne zoe'
const MALE =
  'aaron adam ahmed alan albert alexander alfred andrew anthony antonio arthur ben benjamin bernard bill bob ' +
  'brandon brian bruce bryan carl carlos charles chris christopher colin craig daniel darren david dennis ' +
  'dieter donald douglas duncan edward eli eric ernest eugene felix francis frank fred frederick gareth gary ' +
  'george gerald gordon graham greg gregory hank harold harry henry howard hugh ian isaac jack jacob jake james ' +
  'jason jeffrey jeremy jerome jerry jim joe john jonas jonathan joseph joshua juan justin keith ken kenji ' +
  'kenneth kevin klaus kwame larry lawrence leonard liam louis luis marcus mario mark martin matthew michael ' +
  'miguel mike mohammed muhammad nathan neil nicholas nick oliver omar oscar owen patrick paul pedro peter ' +
  'philip rafael raj ralph randy ravi raymond richard robert roger ronald ross roy russell ryan samuel scott ' +
  'sean sergei simon stanley stephen steve steven stuart ted thomas timothy tom tony travis tyler victor ' +
  'vincent walter wayne william yusuf'

/** Given names from beyond the English-speaking world, so the evidence does not lean English. */
const FEMALE_WIDER =
  'adaeze adele agnieszka aiko aliya alma amina amira anya astrid ayesha beatriz bianca  ' +
  'brigitte carolina catalina chiara cristina dagmar daniela deepa delia dolores elif elisa eloise  ' +
  'elsa esperanza fatou fernanda francesca freya gisela greer guadalupe gwen hadiza haruka heidi helga  ' +
  'hilda imani ines isabelle jelena jia joanne johanna juana juliana katarzyna keiko kerstin  ' +
  'lakshmi leila leticia liesel lorena lourdes luciana lucinda magdalena mahnaz maite malika mariam  ' +
  'marisol marguerite maryam mei meera mirela miriam natasha ngozi noor noura oksana paloma  ' +
  'pilar rania renata rosalind roxana sakura salma sanjana shirin sigrid silvia simone sonia svetlana  ' +
  'tatiana thandiwe ulrike valentina wanjiru ximena yasmin yuki yuko zainab zara zora zuzana'
const MALE_WIDER =
  'abdul adebayo ahmad aleksandr alejandro ali amir anders andres anton arjun arvid bjorn bogdan bruno  ' +
  'carsten cesar chidi chinedu cristian dario dmitri emeka emil enrique ernesto esteban fabio farid  ' +
  'farhan fernando florian gustavo hamid hassan hector hiroshi hugo ibrahim igor ivan javier jens  ' +
  'joaquin jorge jose kazuo khalid kofi lars leon lorenzo luca lukas magnus malik manuel marco mateo  ' +
  'mehmet mikhail mustafa nikolai nils olaf olusegun pablo pavel pierre rahul ramon rashid reza  ' +
  'ricardo roberto rodrigo rolf salvador santiago sergio stefan sven takeshi tarek tariq tobias umar  ' +
  'vladimir wolfgang xavier yaw yosef yusuke zoltan'

export const GIVEN_NAME_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...`${FEMALE} ${FEMALE_WIDER}`.split(/\s+/).map((n): [string, 'f'] => [n, 'f']),
  ...`${MALE} ${MALE_WIDER}`.split(/\s+/).map((n): [string, 'm'] => [n, 'm']),
])
