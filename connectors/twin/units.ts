/**
 * Engineering units used by the plant twin, keyed by a short id that tags refer to. Each carries
 * its UN/CEFACT Recommendation 20 common code, which is what OPC UA's EUInformation identifies a
 * unit by, so the server (and any client) can map them without guessing from the symbol.
 */

export const UNITS = {
  degC: { symbol: '°C', longName: 'degree Celsius', unece: 'CEL' },
  mmPerS: { symbol: 'mm/s', longName: 'millimetre per second', unece: 'C16' },
  newton: { symbol: 'N', longName: 'newton', unece: 'NEW' },
  kW: { symbol: 'kW', longName: 'kilowatt', unece: 'KWT' },
  kWh: { symbol: 'kWh', longName: 'kilowatt hour', unece: 'KWH' },
  bar: { symbol: 'bar', longName: 'bar', unece: 'BAR' },
  kPa: { symbol: 'kPa', longName: 'kilopascal', unece: 'KPA' },
  ampere: { symbol: 'A', longName: 'ampere', unece: 'AMP' },
  ppm: { symbol: 'ppm', longName: 'part per million', unece: '59' },
  percent: { symbol: '%', longName: 'percent', unece: 'P1' },
  second: { symbol: 's', longName: 'second', unece: 'SEC' },
  micrometre: { symbol: 'µm', longName: 'micrometre', unece: '4H' },
  m3PerMin: { symbol: 'm³/min', longName: 'cubic metre per minute', unece: 'G53' },
  m3PerH: { symbol: 'm³/h', longName: 'cubic metre per hour', unece: 'MQH' },
  litrePerMin: { symbol: 'l/min', longName: 'litre per minute', unece: 'L2' },
  perHour: { symbol: '1/h', longName: 'reciprocal hour', unece: 'H10' },
  count: { symbol: '', longName: 'count (dimensionless)', unece: 'C62' },
} as const satisfies Record<string, { symbol: string; longName: string; unece: string }>;

export type UnitId = keyof typeof UNITS;
