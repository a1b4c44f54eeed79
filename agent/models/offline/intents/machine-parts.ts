/**
 * A command aimed at a part or a function of a machine, not the machine: "reset the counter on the L1 packer", "start
 * the stencil cleaning on the L1 printer", "turn off the N2 on the L2 oven", "Kamera am AOI L1 ausschalten". PackML
 * commands (start, stop, hold, unhold, reset, clear) act on the whole machine; counters, cleaning cycles, nitrogen,
 * cameras and fans are run at the machine's HMI. Filing the machine's command for them would stop, start or reset a
 * machine nobody asked to — so nothing is filed, and the answer says where it is done and how to ask for the machine.
 */
import { resolveAsset } from '../asset-resolver';
import { parseCommand } from '../commands';
import { foldInitialUmlauts, withoutQuotedText } from '../text';
import { describeWrite } from './doubtful-write';
import { clarify, say } from './replies';
import type { Request } from './request';
import type { Plan } from './types';

/** Parts and functions of a machine that no machine command drives, in English and German. */
const MACHINE_PART =
  /\b(stencil clean\w*|\w*counters?|\w*z(?:ä|ae)hler\w*|st(?:ü|ue)ckz(?:ä|ae)hler\w*|wartungsz(?:ä|ae)hler\w*|timers?|displays?|screens?|anzeige|bildschirm|cleaning|clean cycle|reinigung\w*|schablonenreinigung|unterseitenreinigung|wipers?|wiper cycle|wisch\w*|nitrogen|n2|stickstoff\w*|cameras?|kamera\w*|fans?|l(?:ü|ue)fter\w*|lights?|licht|lamps?|lampe|beacons?|heaters?|heizung\w*|conveyors?|(?:f(?:ö|oe)rder|transport)?band|feeders?|zuf(?:ü|ue)hrung\w*|nozzles?|d(?:ü|ue)sen?|vacuum|vakuum|printhead|druckkopf|scanner|label printer|etikettendrucker|stencil(?!\s+printer)|schablone(?!n?drucker))\b/;

/** "the counter", "den Zähler", "Zähler am Packer": the part is what the verb acts on, not a word elsewhere in a story. */
function commandsAPart(given: string): string | undefined {
  // ("HMI: «STOP PRINTER AND CHECK STENCIL». any alarms?": a part in quoted text is commanded by no one here.)
  const lower = withoutQuotedText(given);
  const part = MACHINE_PART.exec(lower)?.[1];
  if (!part) return undefined;
  // "how do I clear a feeder jam": asked how, which the manuals answer.
  if (/^(?:how|wie|what|was|why|warum|wo|where|can|kann)\b/.test(lower)) return undefined;
  // "reset the L1 packer, the counter is wrong": a command on the machine, then a remark about a part.
  const clause = lower.split(/[,;.!?]|\s[-–—]\s/).find((piece) => MACHINE_PART.test(piece)) ?? lower;
  // "put the L1 AOI on hold while we swap the ring light", "halt den an bis die Kamera kalibriert ist", "pause the placer
  // for a feeder change", "ist seit der Reinigung pausiert": the part is the reason or the time, not the object.
  const before = clause.slice(0, clause.search(MACHINE_PART));
  if (
    /\b(?:while|until|till|for|during|because|since|after|before|when|once|due to|bis|f(?:ü|ue)r|w(?:ä|ae)hrend|weil|nach|vor|wenn|sobald|solange|damit|seit|wegen)\b/.test(
      before,
    )
  )
    return undefined;
  return parseCommand(clause) !== undefined ? part : undefined;
}

export function commandOnAPart(request: Request): Plan | undefined {
  const { lower: given, language, input } = request;
  const lower = foldInitialUmlauts(given);
  const part = commandsAPart(lower);
  if (!part) return undefined;
  const resolution = resolveAsset(request.text, input.assets);
  const machine = resolution.kind === 'one' && resolution.asset.type !== 'line' ? resolution.asset : undefined;
  // "pause the camera inspection on line 1", "die Kamera-Prüfmaschine wieder an": the word names the machine itself
  // (a newcomer's name for the AOI), when nothing else in the message does.
  if (machine) {
    const withoutPart = resolveAsset(request.text.replace(new RegExp(MACHINE_PART.source, 'gi'), ' '), input.assets);
    if (withoutPart.kind !== 'one' || withoutPart.asset !== machine) return undefined;
  }
  const id = machine?.id ?? 'L1-PRN';
  // The whole machine's command, as the asker would say it ("reset L1-PCK", "L1-PCK zurücksetzen").
  const example = describeWrite('machine_command', { asset: id, command: parseCommand(lower) ?? 'stop' }, language);
  // The part as the asker wrote it ("Zähler", "N2"), for the answer.
  const said = new RegExp(MACHINE_PART.source, 'i').exec(request.text)?.[1] ?? part;
  return clarify(
    say(
      language,
      `Machine commands (start, stop, hold, resume, reset, clear) act on the whole machine; the ${said} of ${machine ? `${machine.name} (${machine.id})` : 'a machine'} is run at its HMI, so I filed nothing. If you want the whole machine's command, say it, e.g. “${example}”, and it goes to Approvals.`,
      `Maschinenbefehle (Start, Stopp, Hold, Fortsetzen, Reset, Clear) wirken auf die ganze Maschine; „${said}“ ${machine ? `an ${machine.name} (${machine.id})` : 'an einer Maschine'} wird am Bedienpanel bedient, deshalb habe ich nichts eingereicht. Wenn Sie den Befehl für die ganze Maschine wollen, sagen Sie ihn, z. B. „${example}“, dann geht er zur Freigabe.`,
    ),
  );
}
