/**
 * Keeps the retrieval question set (questions.json) and the shipped manual set in step: every
 * answer must name a document that exists, a heading that exists in it, and a phrase that occurs
 * in the passage directly under that heading. For PDFs and Word files the heading and phrase are
 * checked in the Markdown source and in the text read from the rendered file (pdfjs-dist for PDFs,
 * the knowledge base's mammoth extractor for .docx), which also catches a file that was not rebuilt
 * after its source changed. Heading conventions per format are in corpus.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../knowledge/document';
import { parseMarkdown, plainBlocks, renderedName, sourceFiles, titleOf } from '../../knowledge/corpus-src/source-markdown';
import {
  corpusFiles,
  CORPUS_SRC_DIR,
  docxText,
  formatOf,
  loadDoc,
  markdownSections,
  normalizeSpace,
  pdfText,
  RENDERED_FORMATS,
  renderedSourcePath,
  type CorpusDoc,
  type DocFormat,
} from './corpus';
import { loadQuestions } from './question-set';

const questions = loadQuestions();
const files = corpusFiles();
const docs = new Map<string, CorpusDoc>(files.filter((file) => formatOf(file)).map((file) => [file, loadDoc(file)]));
/** Whitespace-normalised text of every rendered (PDF and Word) file, as read back from the file. */
const renderedTexts = new Map<string, string>();
const wordDocuments = new Map<string, ExtractedDocument>();
const isRendered = (file: string) => RENDERED_FORMATS.includes(formatOf(file) as DocFormat);
const rebuild = (file: string) => (formatOf(file) === 'docx' ? 'rebuild it with knowledge/corpus-src/build-docx.ts' : 'rebuild the PDFs');

beforeAll(async () => {
  for (const file of files.filter((f) => formatOf(f) === 'pdf')) {
    renderedTexts.set(file, normalizeSpace((await pdfText(file)).text));
  }
  for (const file of files.filter((f) => formatOf(f) === 'docx')) {
    const { text, document } = await docxText(file);
    renderedTexts.set(file, normalizeSpace(text));
    wordDocuments.set(file, document);
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
    if (isRendered(answer.doc)) {
      const rendered = renderedTexts.get(answer.doc) ?? '';
      expect(
        rendered.includes(normalizeSpace(answer.section)),
        `${q.id}: heading "${answer.section}" not in the text of ${answer.doc}; ${rebuild(answer.doc)}`,
      ).toBe(true);
      expect(rendered.includes(phrase), `${q.id}: "${answer.contains}" not in the text of ${answer.doc}; ${rebuild(answer.doc)}`).toBe(true);
    }
  });
});

describe('the corpus', () => {
  it('holds only Markdown, HTML, plain-text, PDF and Word documents, at least 30 of them, at least 4 PDFs and a Word file', () => {
    expect(files.filter((f) => !formatOf(f))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => formatOf(f) === 'pdf').length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => formatOf(f) === 'docx').length).toBeGreaterThanOrEqual(1);
  });

  it('gives every document a title heading and a document id', () => {
    for (const [file, doc] of docs) {
      expect(doc.sections[0]?.level, `${file}: first heading must be the level-1 title`).toBe(1);
      expect(doc.text, `${file}: missing "Doc PP-... Rev X" control line`).toMatch(/Doc PP-[A-Z]+(-[A-Z]+)?-\d{3} Rev [A-Z]/);
    }
  });

  it('lists every document in knowledge/corpus-src/INDEX.md and nothing else', () => {
    const index = readFileSync(`${CORPUS_SRC_DIR}INDEX.md`, 'utf8');
    const listed = [...index.matchAll(/^\|\s*`?([a-z0-9-]+\.(?:md|html|txt|pdf|docx))`?\s*\|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual([...files].sort());
    for (const [file, doc] of docs) {
      const id = /Doc (PP-[A-Z]+(?:-[A-Z]+)?-\d{3})/.exec(doc.text)?.[1];
      expect(index, `${file}: id ${id} not in INDEX.md`).toContain(`| ${id} |`);
    }
  });

  it('has a rendered PDF or Word file for every source in corpus-src, with every heading in its text', async () => {
    // A Word source (WORD_SOURCES) is rendered to name.docx, every other source to name.pdf, and nothing else is rendered.
    const rendered = files.filter(isRendered);
    expect([...rendered].sort()).toEqual(sourceFiles(CORPUS_SRC_DIR).map(renderedName).sort());
    for (const file of rendered) {
      if (formatOf(file) === 'pdf') {
        const { pages } = await pdfText(file);
        expect(pages, `${file} should be multi-page`).toBeGreaterThan(1);
      }
      const text = renderedTexts.get(file) ?? '';
      for (const section of markdownSections(readFileSync(renderedSourcePath(file), 'utf8'))) {
        expect(text.includes(normalizeSpace(section.heading.replace(/\*\*|`/g, ''))), `${file}: heading "${section.heading}" missing; ${rebuild(file)}`).toBe(
          true,
        );
      }
    }
  });

  it('renders every Word source with its title, headings, lists and tables as Word structure and all of its words', () => {
    const word = files.filter((f) => formatOf(f) === 'docx');
    for (const file of word) {
      const document = wordDocuments.get(file);
      expect(document, `${file}: not read`).toBeDefined();
      if (!document) continue;
      const source = plainBlocks(parseMarkdown(readFileSync(renderedSourcePath(file), 'utf8')));
      const kinds = (blocks: { kind: string }[], kind: string) => blocks.filter((b) => b.kind === kind).length;
      expect(document.title, `${file}: title (Word's Title style)`).toBe(titleOf(source, file));
      // The headings' order and texts, title first.
      expect(
        document.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
        `${file}: headings differ from the source; ${rebuild(file)}`,
      ).toEqual(source.flatMap((b) => (b.kind === 'heading' ? [normalizeSpace(b.text)] : [])));
      // Below the title, every heading is read at the source's level, or all shifted by the same step.
      const levels = (blocks: { kind: string; level?: number }[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.level ?? 0] : [])).slice(1);
      const offsets = levels(document.blocks).map((level, i) => level - (levels(source)[i] ?? 0));
      expect(new Set(offsets).size, `${file}: heading levels differ from the source's (offsets ${offsets.join(', ')})`).toBeLessThanOrEqual(1);
      expect(kinds(document.blocks, 'list'), `${file}: lists must be Word lists; ${rebuild(file)}`).toBe(kinds(source, 'list'));
      expect(kinds(document.blocks, 'table'), `${file}: tables must be Word tables; ${rebuild(file)}`).toBe(kinds(source, 'table'));
      for (const block of document.blocks) {
        if (block.kind === 'table') expect(block.header, `${file}: every table needs a header row (tableHeader)`).toBeDefined();
      }
      const text = renderedTexts.get(file) ?? '';
      const pieces = source.flatMap((b) =>
        b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : [...b.header, ...b.rows.flat()],
      );
      for (const piece of pieces) {
        expect(text.includes(normalizeSpace(piece)), `${file}: "${piece.slice(0, 80)}" missing; ${rebuild(file)}`).toBe(true);
      }
    }
  });
});
