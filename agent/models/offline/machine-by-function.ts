/**
 * Machines named by what they do, the way a newcomer or a visitor names them: "the machine that
 * checks the solder paste", "the one that puts the parts on", "die Anlage, die die Boards lötet",
 * "die Kiste, die die Luft macht". Each description is rewritten to the kind's own word (SPI,
 * printer, placer, oven, AOI, tester, packer, compressor, chiller), which plant-lexicon.ts then
 * maps to the plant's assets like any other name — so this knows machine kinds, never a plant.
 *
 * A description needs its "that/which/die/wo" clause after a word for a machine: "what checks the
 * paste?" or "der Ofen lötet nicht sauber" is a question or a report about a machine, not a name.
 */

/** "the machine that", "the one which", "die Maschine, die", "das Ding wo". */
const MACHINE_EN = String.raw`(?:the\s+)?(?:machine|one|station|thing|unit|box|equipment|kit|robot)\s*,?\s*(?:that|which|who)\s+`;
const MACHINE_DE = String.raw`(?:die|das|der)\s+(?:maschine|anlage|station|kiste|ding|teil|automat|gerät|geraet|roboter)\s*,?\s*(?:die|das|der|wo|welche|welches|was)\s+`;

const PASTE_EN = String.raw`(?:the\s+)?(?:solder\s*)?paste(?:\s+(?:deposits?|volume|height|print))?`;
const PASTE_DE = String.raw`(?:die\s+)?(?:lot)?paste`;
const BOARDS_DE = String.raw`(?:die\s+)?(?:boards|platinen|leiterplatten|baugruppen|karten)`;

/** What each kind does, in English (verb first) and German (verb last), and the kind's own word. */
const FUNCTIONS: readonly { kind: string; en: string; de: string }[] = [
  {
    kind: 'SPI',
    en: String.raw`(?:checks|inspects|measures|scans|looks\s+at|verifies)\s+${PASTE_EN}`,
    de: String.raw`${PASTE_DE}\s+(?:prüft|prueft|pruft|kontrolliert|misst|checkt|inspiziert|vermisst)`,
  },
  {
    kind: 'printer',
    en: String.raw`(?:prints|applies|puts\s+(?:down|on)|lays\s+down)\s+${PASTE_EN}`,
    de: String.raw`${PASTE_DE}\s+(?:druckt|aufträgt|auftraegt|auftragt|aufbringt|draufdruckt|drauf\s*macht|(?:auf\s+die\s+(?:boards|platinen|leiterplatten)|aufs\s+board|auf\s+die\s+platine)\s+kommt)`,
  },
  {
    kind: 'placer',
    en: String.raw`(?:places|mounts|puts\s+on|picks(?:\s+and\s+places)?|sets)\s+(?:the\s+)?(?:components|parts|chips|smds?|devices)(?:\s+on)?`,
    de: String.raw`(?:(?:die\s+)?(?:bauteile|bauelemente|teile|komponenten|chips)\s+(?:setzt|bestückt|bestueckt|platziert|aufsetzt|draufsetzt)|bestückt|bestueckt)`,
  },
  {
    kind: 'reflow oven',
    en: String.raw`(?:solders|melts|reflows|bakes)(?:\s+the\s+(?:boards|paste|solder))?`,
    de: String.raw`(?:${BOARDS_DE}\s+)?(?:lötet|loetet|lotet|aufschmilzt)`,
  },
  {
    kind: 'AOI',
    en: String.raw`(?:checks|inspects|looks\s+at)\s+(?:the\s+)?(?:solder\s+joints|joints|placement|boards\s+optically|finished\s+boards|boards\s+with\s+(?:a\s+)?cameras?)`,
    de: String.raw`(?:die\s+)?(?:lötstellen|loetstellen|bestückung|bestueckung)\s+(?:prüft|prueft|pruft|kontrolliert|inspiziert)|${BOARDS_DE}\s+optisch\s+(?:prüft|prueft|pruft|kontrolliert|inspiziert)`,
  },
  {
    kind: 'tester',
    en: String.raw`(?:tests|checks)\s+(?:the\s+)?(?:boards|pcbs|assemblies)\s+electrically|tests\s+(?:the\s+)?(?:boards|pcbs|assemblies)`,
    de: String.raw`${BOARDS_DE}\s+(?:elektrisch\s+)?(?:testet|durchmisst)|${BOARDS_DE}\s+elektrisch\s+(?:prüft|prueft|pruft)`,
  },
  {
    kind: 'packer',
    en: String.raw`(?:packs|boxes|wraps)(?:\s+(?:the\s+)?(?:boards|pcbs))?`,
    de: String.raw`(?:${BOARDS_DE}\s+)?(?:in\s+(?:die\s+)?(?:trays|kartons|schachteln|tüten|tueten)\s+)?(?:verpackt|einpackt|packt)`,
  },
  {
    kind: 'compressor',
    en: String.raw`(?:makes|supplies|provides|generates|produces)\s+(?:the\s+)?(?:compressed\s+)?air`,
    de: String.raw`(?:die\s+)?(?:druck)?luft\s+(?:macht|erzeugt|liefert|herstellt)`,
  },
  {
    kind: 'chiller',
    en: String.raw`(?:cools(?:\s+the\s+\w+)?|(?:makes|supplies|provides)\s+(?:the\s+)?(?:cold|chilled|cooling)\s+water)`,
    de: String.raw`(?:kühlt|kuehlt|kuhlt|(?:das\s+)?(?:kalt|kühl|kuehl)wasser\s+(?:macht|erzeugt|liefert))`,
  },
];

const PATTERNS: readonly [RegExp, string][] = FUNCTIONS.flatMap(({ kind, en, de }) => [
  [new RegExp(String.raw`(?<![\p{L}])${MACHINE_EN}(?:${en})(?![\p{L}])`, 'giu'), `the ${kind}`] as [RegExp, string],
  // ("die Maschine, die nach dem Drucken die Paste kontrolliert": a short phrase of time or place may stand between.)
  [
    new RegExp(String.raw`(?<![\p{L}])${MACHINE_DE}(?:(?:nach|vor|hinter|neben|bei)\s+(?:dem|der|den)\s+\p{L}+\s+)?(?:${de})(?![\p{L}])\s*,?`, 'giu'),
    `die ${kind}`,
  ] as [RegExp, string],
]);

/**
 * Machines named by how they look or what they hold: "the camera inspection", "der Kasten mit der Kamera", "the machine
 * with the needle bed", "die Maschine mit den Nadeln", "the paste checking machine", "die Kühlanlage". Rewritten to the
 * kind's word too, so that "pause the camera inspection" is a command to the AOI, not a request for an inspection.
 */
const LOOKS: readonly [RegExp, string][] = [
  [
    /(?<![\p{L}])(?:the\s+)?(?:camera[\s-]+(?:inspection|check|box|station|machine|thing)|(?:machine|box|thing|station)\s+with\s+the\s+cameras?)(?![\p{L}])/giu,
    'the AOI',
  ],
  [
    /(?<![\p{L}])(?:die\s+|der\s+|das\s+|den\s+)?(?:kamera[\s-]*(?:pr(?:ü|ue)fmaschine|pr(?:ü|ue)fung|kontrolle|kasten|station|maschine)|(?:maschine|kasten|kiste|ding|station)\s+mit\s+(?:der|den)\s+kameras?)(?![\p{L}])/giu,
    'die AOI',
  ],
  [/(?<![\p{L}])(?:the\s+)?(?:machine|box|thing|station|tester)\s+with\s+the\s+(?:needle\s*bed|needles|bed\s+of\s+nails)(?![\p{L}])/giu, 'the ICT'],
  [/(?<![\p{L}])(?:die\s+|der\s+|das\s+)?(?:maschine|kasten|kiste|ding|station|tester)\s+mit\s+(?:dem\s+nadelbett|den\s+nadeln)(?![\p{L}])/giu, 'die ICT'],
  [/(?<![\p{L}])(?:the\s+)?paste[\s-]+check(?:ing|er)?(?:\s+(?:machine|station|thing))?(?![\p{L}])/giu, 'the SPI'],
  [/(?<![\p{L}])(?:the\s+)?(?:placing|placement)\s+(?:machine|robot)(?![\p{L}])/giu, 'the placer'],
];

/** The text with each machine described by its function or its looks replaced by the kind's word. */
export function machinesByFunction(text: string): string {
  return [...PATTERNS, ...LOOKS].reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
