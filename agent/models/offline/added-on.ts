/**
 * "printer squeegee pressure too pls", "the SPI's paste height as well", "und die Pastenhöhe dort auch": one more thing to
 * look at, added to what was just shown, with the word that says so last. Read as the follow-up it is, "and …", so the
 * machine, line and window of the turn before carry over. A write is never rewritten this way ("stop the L2 packer too"
 * is read by the command rules, which know "too").
 */
import { parseCommand } from './commands';

const ADDED_LAST =
  /^(?!(?:and|und|also|auch)\b)(.{3,80}?)[\s,]+(?:too|as well|also|auch|ebenfalls|noch dazu|mit dazu)(?:[\s,]+(?:pls|please|plz|bitte|mal))?[\s.!]*$/i;

/** The words of a request that could write: a command, or a value asked for. */
const WRITES = /\b(?:to|auf|on|um)\s+-?\d|\b(?:set|stell\w*|setz\w*|raise|lower|bump|change|(?:ä|ae)nder\w*|book|buch\w*|send|schick\w*|release|freigeb\w*)\b/i;

export function withAddOnFirst(text: string): string {
  const added = ADDED_LAST.exec(text.trim());
  if (!added) return text;
  const rest = added[1]!;
  if (rest.split(/\s+/).length > 8 || parseCommand(rest) !== undefined || WRITES.test(rest) || /\?/.test(rest)) return text;
  return `${/[äöüß]|\b(?:der|die|das|den|dem|und|vom|beim|auch|dort|da)\b/i.test(text) ? 'und' : 'and'} ${rest}`;
}
