/**
 * What the solver commands (`plantpilot schedule`, `plantpilot route`) share: their flags and reading
 * the instance file, so both refuse a bad flag or an unreadable file in the same words.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../lib/errors';

export const SolverFlags = z.object({
  timeLimit: z.coerce.number().positive('--time-limit must be a positive number of seconds'),
  seed: z.coerce.number().int('--seed must be an integer'),
  maxIterations: z.coerce.number().int().positive('--max-iterations must be a positive integer').optional(),
  json: z.boolean().default(false),
});
export type SolverFlags = z.infer<typeof SolverFlags>;

/** Parses the command's flags, or throws invalid_argument naming the first bad one and the help to read. */
export function parseSolverFlags(command: string, rawFlags: unknown): SolverFlags {
  const parsed = SolverFlags.safeParse(rawFlags);
  if (!parsed.success) throw new AppError('invalid_argument', `${parsed.error.issues[0]?.message}. See \`plantpilot ${command} --help\`.`);
  return parsed.data;
}

/** The instance file's text, or file_unreadable saying why in words. */
export async function readInstanceFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AppError('file_unreadable', `Cannot read the instance file ${file} (${reason}). Check the path.`, { cause: error });
  }
}
