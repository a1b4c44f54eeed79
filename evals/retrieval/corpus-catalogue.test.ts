/**
 * Keeps the machine manuals in step with the plant twin's catalogue (connectors/twin/catalogue):
 * every machine id, tag, unit, setpoint range, normal band, alarm code, alarm text, priority,
 * stop behaviour, cause and trigger limit the catalogue defines must be written in the manual of
 * that machine type exactly as the catalogue has it. When the twin changes, this test names the
 * manual and the fact to update (and `npx tsx knowledge/corpus-src/build-pdfs.ts` for PDFs, or
 * `build-docx.ts` for Word files).
 */
import { describe, expect, it } from 'vitest';
import {
  ALARM_CATALOGUE,
  COMMON_TAGS,
  MACHINES,
  PRODUCTION_TAGS,
  PRODUCTS,
  TYPE_TAGS,
  UNITS,
  type AlarmDefinition,
  type MachineType,
  type TagDefinition,
} from '../../connectors/twin/catalogue';
import { corpusFiles, htmlToText, loadDoc, normalizeSpace, type CorpusDoc, type Section } from './corpus';

const MANUALS: Record<MachineType, string> = {
  'stencil-printer': 'stencil-printer-manual.md',
  'solder-paste-inspection': 'spi-manual.md',
  'pick-and-place': 'pick-and-place-manual.md',
  'reflow-oven': 'reflow-oven-manual.pdf',
  'automated-optical-inspection': 'aoi-manual.html',
  'in-circuit-test': 'ict-manual.md',
  packing: 'packing-manual.txt',
  'compressed-air': 'compressed-air-manual.md',
  chiller: 'chiller-manual.html',
};

/** Table rows of a document as arrays of cell texts (pipe tables, HTML tables, column-aligned text). */
function tableRows(doc: CorpusDoc): string[][] {
  if (doc.format === 'html') {
    return [...doc.source.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) =>
      [...row[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((cell) => normalizeSpace(htmlToText(cell[1]))),
    );
  }
  const lines = doc.source.split('\n');
  if (doc.format === 'txt')
    return lines
      .map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .map((cell) => cell.trim()),
      )
      .filter((cells) => cells.length > 1);
  return lines
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** 20000 → "20 000": the manuals group thousands with a space. */
function formatNumber(value: number): string {
  return Math.abs(value) >= 10_000 ? value.toLocaleString('en-US').replace(/,/g, ' ') : String(value);
}

function range(r: { low: number; high: number }): string {
  return `${formatNumber(r.low)} to ${formatNumber(r.high)}`;
}

/** `Zone4.SetpointC` → the numbered family it belongs to, so "Zone1.SetpointC to Zone8.SetpointC" covers it. */
function family(tagId: string): { first: string; last: string } | undefined {
  const match = /^([A-Za-z]+)(\d+)\.(.+)$/.exec(tagId);
  if (!match) return undefined;
  const [, prefix, , rest] = match;
  const members = Object.values(TYPE_TAGS)
    .flat()
    .map((t) => t.id)
    .filter((id) => new RegExp(`^${prefix}\\d+\\.${rest}$`).test(id));
  const numbers = members.map((id) => Number(/\d+/.exec(id)?.[0])).sort((a, b) => a - b);
  return { first: `${prefix}${numbers[0]}.${rest}`, last: `${prefix}${numbers[numbers.length - 1]}.${rest}` };
}

function rowFor(rows: string[][], tag: TagDefinition): string[] | undefined {
  const fam = family(tag.id);
  const key = fam ? fam.first : tag.id;
  return rows.find((cells) => cells.some((cell) => cell === key || cell.startsWith(`${key} `) || cell.startsWith(`${key},`)));
}

function alarmSection(doc: CorpusDoc, code: string): Section | undefined {
  const number = (c: string) => Number(c.slice(2));
  return doc.sections.find((section) => {
    if (section.heading.startsWith(`${code} `)) return true;
    const span = /^(E-\d{3}) to (E-\d{3}) /.exec(section.heading);
    return span !== null && number(code) >= number(span[1]) && number(code) <= number(span[2]);
  });
}

function triggerFacts(alarm: AlarmDefinition): string[] {
  const t = alarm.trigger;
  if (t.kind === 'random') return [];
  if (t.kind === 'deviation') return [t.tagId, t.setpointTagId, formatNumber(t.limit)];
  const tags = t.tagIds.length > 2 ? [t.tagIds[0], t.tagIds[t.tagIds.length - 1]] : t.tagIds;
  return [...tags, formatNumber(t.limit)];
}

describe.each(Object.entries(MANUALS) as [MachineType, string][])('%s manual (%s)', (type, file) => {
  const doc = loadDoc(file);
  const text = normalizeSpace(doc.format === 'html' ? htmlToText(doc.source) : doc.source);
  const rows = tableRows(doc);

  it('names every machine of the type', () => {
    for (const machine of MACHINES.filter((m) => m.type === type)) {
      expect(text, `${file}: machine ${machine.id}`).toContain(machine.id);
      expect(text, `${file}: model of ${machine.id}`).toContain(machine.model);
    }
  });

  it.each(TYPE_TAGS[type].map((tag) => [tag.id, tag] as const))('documents tag %s with its unit and ranges', (_id, tag) => {
    const row = rowFor(rows, tag);
    expect(row, `${file}: no table row for tag ${tag.id}`).toBeDefined();
    const cells = (row ?? []).join(' | ');
    const fam = family(tag.id);
    if (fam) expect(cells, `${file}: ${tag.id} row should cover ${fam.first} to ${fam.last}`).toContain(fam.last);
    const symbol = tag.unit ? UNITS[tag.unit].symbol : '';
    if (symbol) expect(cells, `${file}: unit of ${tag.id}`).toContain(symbol);
    if (tag.writable && tag.euRange) expect(cells, `${file}: allowed range of setpoint ${tag.id}`).toContain(range(tag.euRange));
    if (!tag.writable && tag.normalRange) expect(cells, `${file}: normal band of ${tag.id}`).toContain(range(tag.normalRange));
    if (!tag.writable && tag.euRange) expect(cells, `${file}: instrument span of ${tag.id}`).toContain(range(tag.euRange));
  });

  const alarms = ALARM_CATALOGUE.filter((a) => a.machineType === type);

  it('lists no alarm code the catalogue does not have', () => {
    const known = new Set(ALARM_CATALOGUE.map((a) => a.code));
    const unknown = [...new Set(text.match(/\bE-\d{3}\b/g) ?? [])].filter((code) => !known.has(code));
    expect(unknown, `${file}: codes not in the catalogue`).toEqual([]);
  });

  it.each(alarms.map((a) => [a.code, a] as const))('documents alarm %s exactly', (_code, alarm) => {
    const row = rows.find((cells) => cells[0] === alarm.code);
    expect(row, `${file}: no alarm table row for ${alarm.code}`).toBeDefined();
    expect(row?.[1], `${file}: text of ${alarm.code}`).toBe(alarm.text);
    expect(row?.[2], `${file}: priority of ${alarm.code}`).toBe(String(alarm.priority));
    expect(row?.[3], `${file}: whether ${alarm.code} stops the machine`).toBe(alarm.stopsMachine ? 'Yes' : 'No');

    const section = alarmSection(doc, alarm.code);
    expect(section, `${file}: no section for ${alarm.code}`).toBeDefined();
    const body = normalizeSpace(`${section?.heading} ${section?.body}`).toLowerCase();
    for (const cause of alarm.causes) expect(body, `${file}: ${alarm.code} cause "${cause}"`).toContain(normalizeSpace(cause).toLowerCase());
    for (const fact of triggerFacts(alarm)) expect(body, `${file}: ${alarm.code} trigger "${fact}"`).toContain(fact.toLowerCase());
  });
});

describe('plant overview (plant-overview.md)', () => {
  const doc = loadDoc('plant-overview.md');
  const rows = tableRows(doc);

  it('lists every machine with its model', () => {
    for (const machine of MACHINES) {
      const row = rows.find((cells) => cells.includes(machine.id));
      expect(row, `plant-overview.md: machine ${machine.id}`).toBeDefined();
      expect(row, `plant-overview.md: model of ${machine.id}`).toContain(machine.model);
    }
  });

  it('lists every common and production tag', () => {
    for (const tag of [...COMMON_TAGS, ...PRODUCTION_TAGS]) {
      expect(
        rows.some((cells) => cells[0] === tag.id),
        `plant-overview.md: tag ${tag.id}`,
      ).toBe(true);
    }
  });

  it('lists every product', () => {
    for (const product of PRODUCTS) {
      const row = rows.find((cells) => cells[0] === product.id);
      expect(row, `plant-overview.md: product ${product.id}`).toBeDefined();
      expect(row?.[1]).toBe(product.name);
      expect(row?.[3]).toBe(String(product.componentsPerBoard));
    }
  });
});

describe('changeover recipes (line-changeover.md)', () => {
  const rows = tableRows(loadDoc('line-changeover.md'));
  it.each(PRODUCTS.map((p) => [p.id, p] as const))('gives the zone setpoints of %s', (_id, product) => {
    const row = rows.find((cells) => cells[0] === product.id);
    expect(row, `line-changeover.md: product ${product.id}`).toBeDefined();
    expect(row?.[3]).toBe(product.reflowProfileC.join(' / '));
  });
});

describe('every document in the corpus', () => {
  const known = new Set(ALARM_CATALOGUE.map((a) => a.code));
  const machineIds = new Set(MACHINES.map((m) => m.id));
  it.each(corpusFiles().map((f) => [f] as const))('%s mentions only catalogue alarm codes and machine ids', (file) => {
    const text = loadDoc(file).text;
    expect(
      [...new Set(text.match(/\bE-\d{3}\b/g) ?? [])].filter((code) => !known.has(code)),
      `${file}: unknown alarm codes`,
    ).toEqual([]);
    expect(
      [...new Set(text.match(/\b(?:L\d-[A-Z]+\d?|UT-[A-Z]+)\b/g) ?? [])].filter((id) => !machineIds.has(id)),
      `${file}: unknown machine ids`,
    ).toEqual([]);
  });
});
