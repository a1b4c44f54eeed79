/**
 * How plant people name machines and measurements, in English and German, keyed by the words a
 * plant's own asset model uses (machine types, names, tag descriptions and units). Nothing here
 * names a particular plant's assets: an alias is added to an asset only when its type, name or
 * tag carries the key word, so the same lexicon serves the twin, a real server's mapping file and
 * any mix of sources.
 */

/** Machine kinds: a key word in an asset's type or name → what people also call it. */
export const MACHINE_WORDS: [RegExp, string[]][] = [
  [/oven|reflow/i, ['oven', 'reflow', 'reflow oven', 'ofen', 'reflowofen', 'loetofen', 'reflow ofen']],
  [/printer|stencil|screen/i, ['printer', 'stencil printer', 'paste printer', 'drucker', 'schablonendrucker', 'pastendrucker', 'siebdrucker']],
  [/pick.?and.?place|placer|mounter/i, ['placer', 'pick and place', 'pnp', 'p&p', 'bestuecker', 'bestueckautomat', 'bestueckungsautomat']],
  [/paste.?inspection|\bspi\b/i, ['spi', 'paste inspection', 'pasteninspektion', 'spi pruefung']],
  [/optical.?inspection|\baoi\b/i, ['aoi', 'optical inspection', 'optische inspektion', 'aoi pruefung']],
  [/in.?circuit|tester|\bict\b/i, ['ict', 'tester', 'in circuit tester', 'pruefer', 'ict tester']],
  [/pack/i, ['packer', 'packing', 'packaging', 'verpackung', 'packstation', 'verpacker']],
  [/compress|air/i, ['compressor', 'air compressor', 'compressed air', 'kompressor', 'verdichter', 'druckluft', 'drucklufterzeugung', 'druckluftstation']],
  [/chiller|cool/i, ['chiller', 'cooling water', 'kaeltemaschine', 'kuehler', 'kaltwassersatz', 'kuehlwasser', 'rueckkuehler']],
  [/pump/i, ['pump', 'pumpe']],
  [/conveyor/i, ['conveyor', 'band', 'foerderband', 'transportband']],
  [/boiler/i, ['boiler', 'kessel']],
  [/mixer/i, ['mixer', 'mischer']],
  [/press\b/i, ['press', 'presse']],
];

/** Words for a production line, for "line 2", "Linie 2", "L2", "ln 2", "Straße 2". */
export const LINE_WORDS = ['line', 'linie', 'ln', 'l', 'strasse', 'smt line', 'smt linie', 'lines', 'linien'];

/**
 * Measurement words: a typed word (English abbreviations and typos, German words and compound
 * parts) → the English word tag descriptions use. Compound German words ("Netzdruck",
 * "Spindelvibration") are split on these parts.
 */
export const MEASUREMENT_WORDS: Record<string, string> = {
  temp: 'temperature',
  temps: 'temperature',
  tmp: 'temperature',
  temperatur: 'temperature',
  temperaturen: 'temperature',
  grad: 'temperature',
  degrees: 'temperature',
  hot: 'temperature',
  cold: 'temperature',
  heiss: 'temperature',
  kalt: 'temperature',
  warm: 'temperature',
  druck: 'pressure',
  netzdruck: 'header pressure',
  netz: 'header',
  luftdruck: 'header pressure',
  bar: 'pressure',
  vibration: 'vibration',
  vibrationen: 'vibration',
  schwingung: 'vibration',
  vib: 'vibration',
  geschwindigkeit: 'speed',
  drehzahl: 'speed',
  tempo: 'speed',
  sollwert: 'setpoint',
  sw: 'setpoint',
  sp: 'setpoint',
  soll: 'setpoint',
  o2: 'oxygen',
  sauerstoff: 'oxygen',
  restsauerstoff: 'oxygen',
  n2: 'nitrogen',
  stickstoff: 'nitrogen',
  durchfluss: 'flow',
  menge: 'flow',
  strom: 'current',
  motorstrom: 'motor current',
  leistung: 'power',
  energie: 'energy',
  feuchte: 'humidity',
  feuchtigkeit: 'humidity',
  fuellstand: 'level',
  vorlauf: 'supply',
  vorlauftemperatur: 'supply temperature',
  ruecklauf: 'return',
  ruecklauftemperatur: 'return temperature',
  taupunkt: 'dew point',
  lager: 'bearing',
  lagertemperatur: 'bearing temperature',
  spindel: 'spindle',
  geblaese: 'blower',
  pumpe: 'pump',
  band: 'conveyor',
  transportband: 'conveyor',
  bandgeschwindigkeit: 'conveyor speed',
  foerderband: 'conveyor',
  rakel: 'squeegee',
  rakeldruck: 'squeegee pressure',
  druckgeschwindigkeit: 'print speed',
  vakuum: 'vacuum',
  zyklus: 'cycle',
  zykluszeit: 'cycle time',
  header: 'header',
  ppm: 'oxygen',
  kuehlzone: 'cooling',
  kuehlung: 'cooling',
  heizung: 'heater',
  heizleistung: 'heater output',
  ausschuss: 'scrap',
  gutteile: 'good',
  zone: 'zone',
  fehlerrate: 'defect rate',
  fehlerquote: 'defect rate',
  fehler: 'defect',
  pastenhoehe: 'paste height',
  pastenstand: 'paste height',
};

/** German compound parts, longest first, for splitting words the dictionary does not list whole. */
export const COMPOUND_PARTS = Object.keys(MEASUREMENT_WORDS)
  .filter((word) => word.length >= 4)
  .sort((a, b) => b.length - a.length);
