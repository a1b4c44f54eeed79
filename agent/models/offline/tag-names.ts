/**
 * What a tag is called in an answer. In English, the first phrase of the tag's own description (the
 * server's words). In German, the plant's German name for the tags of the standard SMT machine
 * types, by tag id (a number in the id — zone, feeder — is carried over); a tag this table does not
 * know keeps its description, so a plant with its own tag names still reads, only in English.
 * Why a table and not the server: OPC UA can carry a description per locale, but few plant servers
 * fill in more than one, and a German operator should not read "Residual oxygen in the nitrogen
 * atmosphere" next to decimal commas.
 */
import { shortDescription } from './answer-format';
import type { Language } from './training-set';

/** Tag id with its numbers as `N` → German name with `{n}` for the number. */
const GERMAN: Readonly<Record<string, string>> = {
  State: 'PackML-Zustand',
  StateCode: 'PackML-Zustandscode',
  SpeedPct: 'Geschwindigkeit',
  PowerKw: 'Elektrische Wirkleistung',
  EnergyKwh: 'Energie',
  ActiveAlarmCount: 'Anzahl aktiver Alarme',
  ActiveAlarms: 'Aktive Alarme',
  CycleTimeS: 'Taktzeit je Leiterplatte',
  GoodCount: 'Gutteile',
  ScrapCount: 'Ausschuss',
  TotalCount: 'Gesamtzahl Leiterplatten',
  OrderId: 'Fertigungsauftrag',
  ProductId: 'Produkt',
  SqueegeePressureSetpointN: 'Rakeldruck-Sollwert',
  SqueegeePressureN: 'Rakeldruck',
  PrintSpeedSetpointMmPerS: 'Druckgeschwindigkeit-Sollwert',
  PrintSpeedMmPerS: 'Druckgeschwindigkeit',
  SolderPasteLevelPct: 'Lotpastenvorrat',
  WiperPaperPct: 'Unterseitenreinigung, Vliesrolle',
  ChamberTemperatureC: 'Temperatur im Druckraum',
  ChamberHumidityPct: 'Relative Feuchte im Druckraum',
  PasteVolumePct: 'Pastenvolumen',
  PasteHeightUm: 'Pastenhöhe',
  VolumeCpk: 'Volumen-Cpk',
  FirstPassYieldPct: 'Erstdurchlaufquote',
  SpindleVibrationMmS: 'Schwinggeschwindigkeit Bestückspindel',
  SpindleBearingTempC: 'Lagertemperatur Bestückspindel',
  GantryMotorCurrentA: 'Motorstrom Portalachse',
  VacuumKpa: 'Pipettenvakuum',
  PlacementRatePerH: 'Bestückleistung',
  'FeederN.LevelPct': 'Füllstand Feederbank {n}',
  'ZoneN.SetpointC': 'Sollwert Zone {n}',
  'ZoneN.TemperatureC': 'Temperatur Zone {n}',
  'ZoneN.HeaterOutputPct': 'Heizleistung Zone {n}',
  'CoolingN.TemperatureC': 'Temperatur Kühlzone {n}',
  ConveyorSpeedSetpointMmPerS: 'Transportgeschwindigkeit-Sollwert',
  ConveyorSpeedMmPerS: 'Transportgeschwindigkeit',
  O2Ppm: 'Restsauerstoff',
  N2FlowM3PerH: 'Stickstoffverbrauch',
  BlowerVibrationMmS: 'Schwinggeschwindigkeit Umluftgebläse',
  BlowerBearingTempC: 'Lagertemperatur Umluftgebläse',
  BlowerMotorCurrentA: 'Motorstrom Umluftgebläse',
  DefectRatePct: 'Fehlerquote',
  FalseCallsPerBoard: 'Pseudofehler je Leiterplatte',
  CameraTemperatureC: 'Temperatur Kamerakopf',
  FixtureVacuumKpa: 'Adaptervakuum',
  FixtureCycles: 'Prüfzyklen des Adapters',
  TestTimeS: 'Prüfzeit',
  LabelStockPct: 'Etikettenvorrat',
  TrayStockPct: 'ESD-Tray-Vorrat',
  CartonsPacked: 'Verpackte Kartons',
  PressureSetpointBar: 'Netzdruck-Sollwert',
  PressureBar: 'Netzdruck',
  FlowM3PerMin: 'Druckluftmenge',
  DewPointC: 'Drucktaupunkt',
  CompressorVibrationMmS: 'Schwinggeschwindigkeit Verdichter',
  CompressorBearingTempC: 'Lagertemperatur Verdichter',
  CompressorMotorCurrentA: 'Motorstrom Verdichter',
  SupplyTempSetpointC: 'Vorlauftemperatur-Sollwert',
  SupplyTempC: 'Vorlauftemperatur',
  ReturnTempC: 'Rücklauftemperatur',
  FlowLPerMin: 'Kaltwasserdurchfluss',
  PumpVibrationMmS: 'Schwinggeschwindigkeit Umwälzpumpe',
  PumpBearingTempC: 'Lagertemperatur Umwälzpumpe',
  PumpMotorCurrentA: 'Motorstrom Umwälzpumpe',
};

/** The name to show for a tag in `language`; undefined when neither the table nor a description gives one. */
export function tagName(tagId: string | undefined, description: string | undefined, language: Language): string | undefined {
  if (language === 'de' && tagId) {
    if (GERMAN[tagId]) return GERMAN[tagId];
    // A numbered folder (Zone4, Feeder2) names one of several of a kind.
    const folder = /^([A-Za-z]+)(\d+)\./.exec(tagId);
    const german = folder ? GERMAN[tagId.replace(folder[0], `${folder[1]}N.`)] : undefined;
    if (german && folder) return german.replace('{n}', folder[2]!);
  }
  return shortDescription(description);
}
