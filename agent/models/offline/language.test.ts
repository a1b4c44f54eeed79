import { describe, expect, it } from 'vitest';
import { conversationLanguage, detectLanguage } from './language';

describe('the language a request is in', () => {
  it('reads German from its own words when the rest is a compound or shared with English', () => {
    expect(detectLanguage('Pastenvolumen zu niedrig, was tun?')).toBe('de');
    expect(detectLanguage('Rakeldruck ok so, oder muss der hoch?')).toBe('de');
    // "an" is an English word too; a pronoun and a verb say German.
    expect(detectLanguage('fahr ihn wieder an')).toBe('de');
  });

  it('reads a command in German words alone as German', () => {
    expect(detectLanguage('Fehler am ICT L1 quittieren')).toBe('de');
    expect(detectLanguage('Packer L1 fortsetzen')).toBe('de');
    expect(detectLanguage('AOI L2 herunterfahren')).toBe('de');
    expect(detectLanguage('restart the AOI')).toBe('en');
  });

  it('reads German compounds and verbs by their endings, and short floor requests', () => {
    for (const text of ['plan neu rechnen', 'Reihenfolge optimieren', 'Restlaufzeit Spindel L1', 'Temperaturverlauf Zone 3', 'Lagertemperatur Pumpe'])
      expect(detectLanguage(text), text).toBe('de');
    for (const text of ['show the spindle bearing temperature trend', 'print speed L1 5 mm/s faster', 'check the housing', 'the young operator'])
      expect(detectLanguage(text), text).toBe('en');
  });

  it('reads English requests as English, mixed with German names', () => {
    expect(detectLanguage('what was the Rakeldruck at on L1?')).toBe('en');
    expect(detectLanguage("don't touch zone 4")).toBe('en');
  });
});

describe('the language of a message in a conversation', () => {
  it('is its own when its words say, else the message before’s', () => {
    expect(conversationLanguage('was geht zuerst aus?', 'und die Materialreichweite?')).toBe('de');
    expect(conversationLanguage('L2?', 'wie läuft der Ofen')).toBe('de');
    expect(conversationLanguage('L2?', "how's the oven")).toBe('en');
    expect(conversationLanguage('and line 2?', 'wie läuft der Ofen')).toBe('en');
    expect(conversationLanguage('L2?', undefined)).toBe('en');
  });
});
