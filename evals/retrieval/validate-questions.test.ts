/**
 * Keeps the retrieval question set (questions.json) and the shipped manual set in step: every
 * answer must name a document that exists, a heading that exists in it, and a phrase that occurs
 * in the passage directly under that heading. For PDFs the heading and phrase are checked in the
 * Markdown source and in the text pdfjs-dist extracts from the rendered PDF, which also catches a
 * PDF that was not rebuilt after its source changed. Heading conventions per format are in
 * corpus.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, CORPUS_SRC_DIR, formatOf, loadDoc, markdownSections, normalizeSpace, pdfText, type CorpusDoc } from './corpus';
import { loadQuestions } from './question-set';

const questions = loadQuestions();
const files = corpusFiles();
const docs = new Map<string, CorpusDoc>(files.filter((file) => formatOf(file)).map((file) => [file, loadDoc(file)]));
const pdfTexts = new Map<string, string>();

beforeAll(async () => {
  for (const file of files.filter((f) => formatOf(f) === 'pdf')) {
    pdfTexts.set(file, normalizeSpace((await pdfText(file)).text));
  }
});

describe('the question set', () => {
  it('has at least 80 questions with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('is mostly written in operators’ own words (at least 60 %)', () => {
    const operator = questions.filter((q) => q.style === 'operator').length;
    expect(operator / questions.length).toBeGreaterThanOrEqual(0.6);
  });

  it('has no duplicate questions', () => {
    const seen = new Set(questions.map((q) => normalizeSpace(q.question.toLowerCase())));
    expect(seen.size).toBe(questions.length);
  });
});

describe.each(questions.map((q) => [q.id, q] as const))('%s', (_id, q) => {
  it.each(q.answers.map((a, i) => [i, a] as const))('answer %i is in the corpus', (_i, answer) => {
    const doc = docs.get(answer.doc);
    expect(doc, `${q.id}: document ${answer.doc} is not in knowledge/corpus`).toBeDefined();
    if (!doc) return;
    const sections = doc.sections.filter((s) => s.heading === answer.section);
    expect(
      sections.length,
      `${q.id}: no heading "${answer.section}" in ${answer.doc}; headings: ${doc.sections.map((s) => s.heading).join(' | ')}`,
    ).toBeGreaterThan(0);
    const phrase = normalizeSpace(answer.contains);
    const inSection = sections.some((s) => normalizeSpace(s.body).includes(phrase));
    expect(inSection, `${q.id}: "${answer.contains}" is not in section "${answer.section}" of ${answer.doc}`).toBe(true);
    if (doc.format === 'pdf') {
      const rendered = pdfTexts.get(answer.doc) ?? '';
      expect(rendered.includes(normalizeSpace(answer.section)), `${q.id}: heading "${answer.section}" not in the text of ${answer.doc}; rebuild the PDFs`).toBe(
        true,
      );
      expect(rendered.includes(phrase), `${q.id}: "${answer.contains}" not in the text of ${answer.doc}; rebuild the PDFs`).toBe(true);
    }
  });
});

describe('the corpus', () => {
  it('holds only Markdown, HTML, plain-text and PDF documents, at least 30 of them and at least 4 PDFs', () => {
    expect(files.filter((f) => !formatOf(f))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => formatOf(f) === 'pdf').length).toBeGreaterThanOrEqual(4);
  });

  it('gives every document a title heading and a document id', () => {
    for (const [file, doc] of docs) {
      expect(doc.sections[0]?.level, `${file}: first heading must be the level-1 title`).toBe(1);
      expect(doc.text, `${file}: missing "Doc PP-... Rev X" control line`).toMatch(/Doc PP-[A-Z]+(-[A-Z]+)?-\d{3} Rev [A-Z]/);
    }
  });

  it('lists every document in knowledge/corpus-src/INDEX.md and nothing else', () => {
    const index = readFileSync(`${CORPUS_SRC_DIR}INDEX.md`, 'utf8');
    const listed = [...index.matchAll(/^\|\s*`?([a-z0-9-]+\.(?:md|html|txt|pdf))`?\s*\|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual([...files].sort());
    for (const [file, doc] of docs) {
      const id = /Doc (PP-[A-Z]+(?:-[A-Z]+)?-\d{3})/.exec(doc.text)?.[1];
      expect(index, `${file}: id ${id} not in INDEX.md`).toContain(`| ${id} |`);
    }
  });

  it('has a rebuilt PDF for every source in corpus-src, with every heading in its text', async () => {
    const pdfs = files.filter((f) => formatOf(f) === 'pdf');
    const sources = readdirSync(CORPUS_SRC_DIR).filter((f) => f.endsWith('.md') && f !== 'INDEX.md' && f !== 'README.md');
    expect(pdfs.map((f) => f.replace(/\.pdf$/, '.md')).sort()).toEqual(sources.sort());
    for (const file of pdfs) {
      const { pages } = await pdfText(file);
      expect(pages, `${file} should be multi-page`).toBeGreaterThan(1);
      const rendered = pdfTexts.get(file) ?? '';
      for (const section of markdownSections(readFileSync(`${CORPUS_SRC_DIR}${file.replace(/\.pdf$/, '.md')}`, 'utf8'))) {
        expect(
          rendered.includes(normalizeSpace(section.heading.replace(/\*\*|`/g, ''))),
          `${file}: heading "${section.heading}" missing; rebuild the PDFs`,
        ).toBe(true);
      }
    }
  });
});
