/**
 * The public retrieval question set is valid: it parses, ids are unique, the split follows the id
 * hash, both styles and both splits are present, every answer's phrase occurs (whitespace- and
 * case-folded) in its document and inside the named section, and the documents match the commit
 * and checksums recorded in SOURCES.md. It says nothing about how well any engine scores.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fnv1a32, loadPublicQuestions, PUBLIC_DOCS_DIR, PUBLIC_SET_DIR, splitForId } from './question-set';

const questions = loadPublicQuestions();
const docFiles = readdirSync(PUBLIC_DOCS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort();
const docText = new Map(docFiles.map((name) => [name, readFileSync(resolve(PUBLIC_DOCS_DIR, name), 'utf8')]));

/** Collapses every run of whitespace to one space and lower-cases, so line wrapping does not matter. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

interface Section {
  title: string;
  body: string;
}

/** ATX headings outside fenced code blocks, each with the text up to the next heading of any level. */
function sectionsOf(markdown: string): Section[] {
  const sections: { title: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ title: heading[1], lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections.map((section) => ({ title: section.title, body: section.lines.join('\n') }));
}

const sectionsByDoc = new Map([...docText].map(([name, text]) => [name, sectionsOf(text)]));
const answers = questions.flatMap((question) => question.answers.map((answer) => ({ id: question.id, ...answer })));

describe('public retrieval question set', () => {
  it('has about 120 questions with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(100);
    const ids = questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses FNV-1a 32-bit for the split', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('assigns every split by the id hash, with both splits present', () => {
    for (const question of questions) expect(question.split, question.id).toBe(splitForId(question.id));
    const dev = questions.filter((question) => question.split === 'dev').length;
    expect(dev).toBeGreaterThan(0);
    expect(questions.length - dev).toBeGreaterThan(0);
    expect(dev / questions.length).toBeGreaterThan(0.25);
    expect(dev / questions.length).toBeLessThan(0.55);
  });

  it('has both styles, mostly operator wording', () => {
    const operator = questions.filter((question) => question.style === 'operator').length;
    const manual = questions.filter((question) => question.style === 'manual').length;
    expect(manual).toBeGreaterThan(0);
    expect(operator / questions.length).toBeGreaterThanOrEqual(0.6);
    expect(operator / questions.length).toBeLessThanOrEqual(0.8);
    for (const split of ['dev', 'test'] as const) {
      const styles = new Set(questions.filter((question) => question.split === split).map((question) => question.style));
      expect([...styles].sort(), split).toEqual(['manual', 'operator']);
    }
  });

  it('names only documents that are in docs/', () => {
    for (const answer of answers) expect(docText.has(answer.doc), `${answer.id}: ${answer.doc}`).toBe(true);
  });

  it('names a heading of that document as the section', () => {
    for (const answer of answers) {
      const titles = (sectionsByDoc.get(answer.doc) ?? []).map((section) => section.title);
      expect(titles, `${answer.id}: ${answer.doc}`).toContain(answer.section);
    }
  });

  it('quotes a phrase that occurs in the document, inside the named section', () => {
    for (const answer of answers) {
      const phrase = fold(answer.contains);
      expect(fold(docText.get(answer.doc) ?? ''), `${answer.id}: ${answer.contains}`).toContain(phrase);
      const bodies = (sectionsByDoc.get(answer.doc) ?? []).filter((section) => section.title === answer.section).map((section) => fold(section.body));
      expect(
        bodies.some((body) => body.includes(phrase)),
        `${answer.id}: "${answer.contains}" not under "${answer.section}"`,
      ).toBe(true);
    }
  });

  it('quotes plain prose of 5 to 15 words', () => {
    for (const answer of answers) {
      const words = answer.contains.trim().split(/\s+/).length;
      expect(words, `${answer.id}: ${answer.contains}`).toBeGreaterThanOrEqual(5);
      expect(words, `${answer.id}: ${answer.contains}`).toBeLessThanOrEqual(15);
      expect(answer.contains, answer.id).not.toMatch(/[`*|[\]]/);
    }
  });

  it('matches the files and checksums listed in SOURCES.md', () => {
    const sources = readFileSync(resolve(PUBLIC_SET_DIR, 'SOURCES.md'), 'utf8');
    expect(sources).toMatch(/https:\/\/github\.com\/Klipper3d\/klipper/);
    expect(sources).toMatch(/\b[0-9a-f]{40}\b/);
    const rows = [...sources.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|\s*`([0-9a-f]{64})`\s*\|\s*$/gm)].map((match) => ({
      file: match[1],
      bytes: Number(match[2]),
      sha256: match[3],
    }));
    const listedDocs = rows
      .filter((row) => row.file.endsWith('.md'))
      .map((row) => row.file)
      .sort();
    expect(listedDocs).toEqual(docFiles);
    expect(rows.map((row) => row.file)).toContain('docs-LICENSE-GPL-3.0.txt');
    for (const row of rows) {
      const path = row.file.endsWith('.md') ? resolve(PUBLIC_DOCS_DIR, row.file) : resolve(PUBLIC_SET_DIR, row.file);
      const bytes = readFileSync(path);
      expect(bytes.length, row.file).toBe(row.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), row.file).toBe(row.sha256);
    }
  });

  it('keeps the documents small enough to carry (at most ~500 KB)', () => {
    const total = docFiles.reduce((sum, name) => sum + statSync(resolve(PUBLIC_DOCS_DIR, name)).size, 0);
    expect(total).toBeLessThanOrEqual(520_000);
  });
});
