/**
 * Scenario files (`evals/scenarios/<suite>/*.yaml` or `.json`): user turns, the tool calls expected
 * with their key arguments, facts the answer must contain, and whether an approval must be requested.
 * A file holds one scenario or `{ scenarios: [...] }`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../lib/errors';

export const ExpectedToolCall = z.object({ name: z.string(), args: z.record(z.string(), z.unknown()).default({}) });

export const Scenario = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'kebab-case, e.g. asset-state-line-1'),
  description: z.string().optional(),
  /** Tools the scenario needs besides those it expects to be called (e.g. for a clarifying question). */
  requires: z.array(z.string()).default([]),
  // Strict: in a YAML flow mapping an unquoted comma ends the text ("{ user: stop, quick question }" is
  // "stop" plus a key "quick question"), which must fail loudly instead of asking a shorter question.
  turns: z.array(z.strictObject({ user: z.string().min(1) })).min(1),
  expect: z.object({
    /** Calls in the last turn; each must appear with at least these arguments (strings compare case-insensitively). */
    toolCalls: z.array(ExpectedToolCall).default([]),
    /** Substrings the last answer must contain (case-insensitive). */
    facts: z.array(z.string()).default([]),
    approvalRequested: z.boolean().default(false),
    /** True when the answer must not call any tool (clarifying questions, unavailable capabilities). */
    noToolCalls: z.boolean().default(false),
    /**
     * True when a tool is meant to answer with an error (an unknown id, a refused request). Otherwise
     * a call that errored fails the scenario, even if the answer happens to contain the facts.
     */
    toolErrors: z.boolean().default(false),
  }),
});
export type Scenario = z.infer<typeof Scenario>;
export type LoadedScenario = Scenario & { suite: string; file: string };

const File = z.union([z.object({ scenarios: z.array(Scenario).min(1) }), Scenario]);

export const SCENARIOS_DIR = path.resolve(import.meta.dirname, '..', 'scenarios');

export function listSuites(dir = SCENARIOS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function loadSuite(suite: string, dir = SCENARIOS_DIR): LoadedScenario[] {
  const folder = path.join(dir, suite);
  if (!fs.existsSync(folder))
    throw new AppError('not_found', `There is no scenario suite "${suite}" in ${dir}. Suites: ${listSuites(dir).join(', ') || 'none'}.`);
  const scenarios: LoadedScenario[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    let raw: unknown;
    try {
      raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      throw new AppError(
        'invalid_file',
        `Scenario file ${suite}/${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const parsed = File.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('invalid_file', `Scenario file ${suite}/${file}: ${issue.path.join('.')}: ${issue.message}.`);
    }
    for (const scenario of 'scenarios' in parsed.data ? parsed.data.scenarios : [parsed.data]) scenarios.push({ ...scenario, suite, file });
  }
  const names = new Set<string>();
  for (const scenario of scenarios) {
    if (names.has(scenario.name)) throw new AppError('invalid_file', `Two scenarios in suite ${suite} are named ${scenario.name}; rename one.`);
    names.add(scenario.name);
  }
  return scenarios;
}
