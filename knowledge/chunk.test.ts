import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import type { ExtractedDocument } from './document';
import { extractMarkdown } from './extract/markdown';

const manual = `# Reflow Oven Manual

Doc PP-MAN-RFL-001 Rev C.

## 5 Alarms

| Code | Text |
|---|---|
| E-214 | Zone 4 heater over-temperature deviation |
| E-230 | Residual oxygen high |

### E-214 Zone 4 over-temperature

Raised when zone 4 is more than 10 °C above its setpoint.

1. Open the trend of the zone.
2. Check the heater relay.

## 6 Maintenance

Clean the flux trap weekly.
`;

describe('chunkDocument', () => {
  it('keeps tables and lists with their heading and builds section paths', () => {
    const chunks = chunkDocument(extractMarkdown(manual, 'x'));
    const alarms = chunks.find((c) => c.sectionPath.join('/') === '5 Alarms');
    expect(alarms?.text).toContain('Code | Text');
    expect(alarms?.text).toContain('E-230 | Residual oxygen high');
    const e214 = chunks.find((c) => c.sectionPath.at(-1) === 'E-214 Zone 4 over-temperature');
    expect(e214?.sectionPath).toEqual(['5 Alarms', 'E-214 Zone 4 over-temperature']);
    expect(e214?.text).toContain('Raised when zone 4');
    expect(e214?.text).toContain('2. Check the heater relay.');
    expect(chunks.find((c) => c.sectionPath[0] === '6 Maintenance')?.text).toBe('Clean the flux trap weekly.');
    // The title heading is not repeated in every path; the intro sits at the top level.
    expect(chunks[0]).toMatchObject({ sectionPath: [], text: 'Doc PP-MAN-RFL-001 Rev C.' });
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it('never crosses a heading, even for tiny sections', () => {
    const chunks = chunkDocument(extractMarkdown('# T\n\n## A\n\nalpha\n\n## B\n\nbeta\n', 'x'), { maxChars: 2000 });
    expect(chunks.map((c) => [c.sectionPath, c.text])).toEqual([
      [['A'], 'alpha'],
      [['B'], 'beta'],
    ]);
  });

  it('splits a long table between rows and repeats its header row in every part', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| T${i} | value number ${i} with a little description |`).join('\n');
    const chunks = chunkDocument(extractMarkdown(`# Doc\n\n## Tags\n\n| Tag | Meaning |\n|---|---|\n${rows}\n`, 'x'), { maxChars: 600 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.sectionPath).toEqual(['Tags']);
      expect(chunk.text.startsWith('Tag | Meaning\n')).toBe(true);
      expect(chunk.text.length).toBeLessThanOrEqual(600);
    }
    const all = chunks.map((c) => c.text).join('\n');
    for (let i = 0; i < 60; i++) expect(all).toContain(`T${i} | value number ${i} `);
  });

  it('splits long prose at sentence ends with overlap, and records pages', () => {
    const sentence = (i: number) => `Sentence number ${i} says something about the conveyor.`;
    const document: ExtractedDocument = {
      title: 'P',
      format: 'pdf',
      blocks: [
        { kind: 'heading', level: 1, text: 'Long', page: 1 },
        { kind: 'paragraph', text: Array.from({ length: 30 }, (_, i) => sentence(i)).join(' '), page: 1 },
        { kind: 'paragraph', text: 'On the next page.', page: 2 },
      ],
    };
    const chunks = chunkDocument(document, { maxChars: 400, overlapChars: 60 });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]!.text.startsWith('Sentence number 0 ')).toBe(true);
    // The second chunk starts with the tail of the first.
    const tail = chunks[0]!.text.slice(-30);
    expect(chunks[1]!.text.slice(0, 80)).toContain(tail.slice(tail.indexOf(' ') + 1));
    expect(chunks.at(-1)).toMatchObject({ pageTo: 2 });
    expect(chunks[0]).toMatchObject({ pageFrom: 1, pageTo: 1, anchor: 'long' });
  });

  it('gives repeated headings unique anchors', () => {
    const chunks = chunkDocument(extractMarkdown('# D\n\n## Checks\n\na\n\n## Other\n\n### Checks\n\nb\n', 'x'));
    expect(chunks.map((c) => c.anchor)).toEqual(['checks', 'checks-1']);
  });
});
