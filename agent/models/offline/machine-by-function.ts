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
const MACHINE_EN = String.raw`(?:the\s+)?(?:machine|one|station|thing|unit|box|equipment|kit)\s*,?\s*(?:that|which|who)\s+`;
const MACHINE_DE = String.raw`(?:die|das|der)\s+(?:maschine|anlage|station|kiste|ding|teil|automat|gerät|geraet)\s*,?\s*(?:die|das|der|wo|welche|welches|was)\s+`;

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
    de: String.raw`${PASTE_DE}\s+(?:druckt|aufträgt|auftraegt|auftragt|aufbringt|draufdruckt|drauf\s*macht)`,
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
    de: String.raw`(?:${BOARDS_DE}\s+)?(?:verpackt|einpackt)`,
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
  [new RegExp(String.raw`(?<![\p{L}])${MACHINE_DE}(?:${de})(?![\p{L}])\s*,?`, 'giu'), `die ${kind}`] as [RegExp, string],
]);

/** The text with each machine described by its function replaced by the kind's word. */
export function machinesByFunction(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
