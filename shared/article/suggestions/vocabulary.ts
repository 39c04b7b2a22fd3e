/**
 * The generic English vocabulary the detectors lean on: titles, institution nouns, speech verbs,
 * common abbreviations. Words that describe how news is written, never names from any story:
 * a detector that needed a name list to pass its tests would not work on the next story.
 * Every entry is lower case; callers compare with `normalWord`.
 */

/** Lower case, without dots and a trailing possessive: `Gen.` → `gen`, `Minister’s` → `minister`. */
export function normalWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/\./g, '')
}

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/))

/**
 * Words that, directly before a name, make it a person: "President X", "spokesperson X",
 * "Foreign Minister X", "Gen. X". Multi-word titles end in one of these ("press secretary").
 */
export const TITLE_WORDS = words(`
  president vice-president president-elect premier chancellor minister secretary secretary-general
  senator sen congressman congresswoman congressmember representative rep governor gov mayor
  judge justice ambassador envoy commissioner director chairman chairwoman chairperson chair chief
  ceo cfo coo founder co-founder cofounder owner spokesperson spokesman spokeswoman
  general gen admiral adm colonel col lieutenant lt sergeant sgt captain capt maj commander
  detective sheriff inspector superintendent constable officer
  dr mr mrs ms mx prof professor king queen prince princess pope sheikh emir sultan
  speaker leader attorney lawyer prosecutor economist analyst strategist coach manager executive
  adviser advisor aide diplomat official councilman councilwoman councillor councilor alderman
  trustee principal pastor rev reverend rabbi imam bishop archbishop cardinal dean provost
  treasurer comptroller lawmaker legislator deputy researcher scientist historian author
  reporter correspondent editor columnist
`)

/** Last words of a company's name; the words before them name it too ("Acme Inc." → "Acme"). */
export const CORPORATE_SUFFIXES = words(`inc corp co ltd llc plc group holdings ag sa gmbh nv`)

/** Abbreviations that end a name and keep their stop: "Acme Inc.", "Martin Luther King Jr.". */
export const ABBREVIATED_NAME_ENDS = words(`inc corp co ltd jr sr bros`)

/** Titles written as abbreviations: only a capitalized form counts ("Rep. X", not "rep"). */
export const ABBREVIATED_TITLES = words(`sen rep gov gen adm col lt sgt capt maj dr mr mrs ms mx prof rev`)

/**
 * Departments that follow "Secretary of" / "Minister of" in a title: "Secretary of State X",
 * "Minister of Foreign Affairs X". They belong to the title, not to the name after it.
 */
export const DEPARTMENT_WORDS = words(`
  state defense defence treasury health education energy commerce labor labour agriculture
  transportation transport interior justice finance trade economy foreign affairs home homeland
  security veterans housing culture environment communications industry
`)

/**
 * Last words of an organization's name: "State Department", "Defense Ministry", "Federal Agency",
 * "Harvard University", "Acme Corp". Also head words of "Ministry of X", "Bank of X".
 */
export const ORGANIZATION_HEADS = words(`
  department ministry agency organization organisation association institute institution
  university college school academy bank company corporation corp inc ltd llc plc group party
  union committee commission council authority board bureau service services office foundation
  fund court police army navy guard forces force command assembly parliament senate congress
  cabinet government administration federation league alliance coalition society club network
  times post press news journal herald tribune gazette magazine airlines airways motors
  industries holdings technologies systems partners hospital clinic church museum library
  center centre trust reserve exchange secretariat directorate tribunal legislature embassy
  consulate kremlin pentagon house
`)

/** Organization heads that name an organ of a state: "US State Department" is the State Department. */
export const GOVERNMENT_HEADS = words(`
  department ministry agency service office army navy forces force embassy consulate police
  administration government command
`)

/**
 * Capitalized institution words that are organizations after "the": "the White House",
 * "the Senate", "the Council". The second list needs no "the": "Congress voted", "Kremlin says".
 */
export const INSTITUTION_WORDS = words(`
  house senate congress parliament council commission cabinet court assembly kremlin pentagon
  vatican bundestag duma knesset legislature administration government ministry secretariat
`)
export const STANDALONE_INSTITUTIONS = words(`kremlin pentagon vatican congress parliament senate bundestag duma knesset`)

/** Lower-case words allowed inside a multi-word organization name: "Organization for Security and …". */
export const NAME_CONNECTORS = words(`of for and on in the de du la des`)

/** Short forms of countries: places, whatever their letter count. */
export const PLACE_ABBREVIATIONS = words(`us usa uk uae ussr drc prc`)

/** Two-letter forms of international organizations (acronyms of three letters or more are found by shape). */
export const ORGANIZATION_ABBREVIATIONS = words(`eu un`)

/**
 * All-caps words of three to six letters that are not organizations: job titles, units,
 * time zones, diseases, everyday abbreviations.
 */
export const COMMON_ABBREVIATIONS = words(`
  ceo cfo coo cto cio gdp gnp cpi vat dna rna atm faq phd mba aids hiv covid sars mers lgbt lgbtq
  isbn url pdf html api usb gps led lcd suv est edt pst pdt cst cdt gmt utc bst cet cest am pm
  bc bce ad ce ok eta rsvp asap diy vip mvp fyi iou ipo etf hq iq id pr ai vr ar tv ngo ngos
  rip sos wmd icbm ied awol pow kia mia ev yoy ytd eps mph kph km kg cm mm bpd aka tba tbd
  usd eur gbp jpy cny rub uah inr mln bln fy ufo
`)

/**
 * Verbs that attribute words to a speaker: "X said", "said X", "X told reporters", "X noted";
 * also verbs of characterizing ("X called the plan “a disaster”"), whose quoted words are X's.
 */
export const SPEECH_VERBS = words(`
  said says say saying told tells telling added adds adding wrote writes writing noted noting
  stated explained explains explaining asked asks asking answered answering replied responded
  declared declares insisted insists argued argues claimed warned warns urged urges stressed
  stresses emphasized emphasised acknowledged admitted recalled announced tweeted continued
  concluded remarked observed commented suggested averred maintained contended testified predicted
  promised vowed conceded countered cautioned complained joked quipped shouted exclaimed
  confirmed denied reiterated called described dubbed labeled labelled branded termed
`)

/** Pronouns that can stand for a person in an attribution, with the gender they imply. */
export const PERSON_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | undefined> = new Map([
  ['he', 'male'],
  ['she', 'female'],
])

/** Sentence-initial words that are never the start of a name even when compromise does not know them. */
export const FUNCTION_WORDS = words(`
  the a an this that these those it its we i you he she they our my his her their there here
  during however earlier later meanwhile also but and or so yet still then when while as if after
  before since until once although though because despite among according under over from to by
  about in on at for with without into onto upon what who whom whose why how which where all both
  each every some many most much more no not yes nor either neither other another such only even
  just last next first image photo
`)

/** Words after a number that make it a measured amount: "30 percent", "5 million dollars", "10 km". */
export const NUMBER_UNITS = words(`
  percent per-cent percentage points point dollars dollar euros euro pounds pound yen yuan
  rupees rupee rubles ruble roubles rouble hryvnias francs pesos reais won
  km kilometers kilometres kilometer kilometre miles mile meters metres meter metre feet foot
  inches inch kg kilograms kilogram grams tons tonnes ton tonne pounds degrees acres hectares
  liters litres gallons barrels mph
  years year months month weeks week days day hours hour minutes minute seconds
`)

/** Scale words that multiply a number: "5 billion", "$1.2bn", "two dozen". */
export const NUMBER_SCALES = words(`hundred thousand million billion trillion dozen m bn mn tn k`)

/** Cardinal number words, for counts written in words: "three meetings", "twenty-five people". */
export const NUMBER_WORDS = words(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
  thousand million billion trillion dozen
`)

/** Vague magnitudes that are counts on their own: "hundreds", "tens of thousands". */
export const NUMBER_MAGNITUDES = words(`dozens scores hundreds thousands millions billions tens`)

/** Words that cannot sit between a number and the thing it counts (they end the noun phrase). */
export const COUNT_BREAKERS = words(`of to in on at for by with from and or than as that which who percent`)

/**
 * Organization heads that also start a name, followed by "of", "for" or "on":
 * "Ministry of Defence", "Organization for Security and Cooperation in Europe", "Bank of England".
 */
export const LEADING_ORGANIZATION_HEADS = words(`
  organization organisation ministry department university bank institute association federation
  league union council commission committee court house office bureau board school college
  academy museum society agency party fund foundation centre center alliance coalition
`)

/** Words between a place or organization and a title that belong to the title: "White House Press Secretary X". */
export const TITLE_MODIFIERS = words(`
  press foreign defense defence prime vice deputy chief acting former interim finance interior
  health home national security executive senior top assistant associate general state
`)

/** Last words of a place's name: "Main Street", "Tahrir Square", "Kherson Oblast", "Lake Placid" is not one. */
export const PLACE_HEADS = words(`
  street avenue road boulevard lane square plaza park bridge river lake mountain mountains
  island islands county province city valley bay sea ocean airport station stadium harbor
  harbour beach hill hills heights village township district region oblast desert forest gulf
  strait peninsula canal highway coast
`)

/** Prepositions after which an unknown capitalized name is most likely a place: "in Ashford". */
export const PLACE_PREPOSITIONS = words(`in near outside across throughout around`)
