/**
 * English or German: counts words that occur only in one of the two (and German letters). Plant
 * people mix ("Status vom Reflow Oven"), so the language with more of its own words wins and
 * English is the default.
 */
import type { Language } from './training-set';

export type { Language };

const GERMAN = new Set(
  (
    'der die das den dem des ein eine einen einem ist sind war waren wie was wann warum wer welche welcher welches wo ' +
    'und oder nicht kein keine bitte mal noch schon jetzt gerade heute gestern morgen seit bis zwischen von vom zum zur mit für fuer auf im ' +
    'letzte letzten letzter stunde stunden minuten schicht linie ofen drucker bestücker kompressor kältemaschine zeig zeige gib mach ' +
    'setz setze stell stelle stopp halte starte buch buche ja nein danke hallo läuft laeuft steht gibt es alle aktuell aktuelle ' +
    'wert werte sollwert alarme störung störungen auftrag aufträge wartung übergabe uebergabe handbuch bedeutet hoch runter um uhr ich wir du nee nö noe jo passt doch eher lieber halt ' +
    // "Pastenvolumen zu niedrig, was tun?": "was" is English too, so the rest of such a question must say German.
    'zu tun niedrig wenig viel kalt heiss muss kann soll darf wird werden hat haben ' +
    // "fahr sie wieder an": a short request whose only other word is "an", English too.
    'sie ihn es wieder fahr fahre ' +
    // "was geht zuerst aus?": everyday words no English sentence has.
    'geht gehen ging zuerst aus als sonst nur auch mehr weniger los nach vor gut schlecht ' +
    // "Packer L1 fortsetzen", "Fehler am ICT L1 quittieren", "AOI L2 herunterfahren": a command in German words alone.
    'fehler quittieren quittier fortsetzen herunterfahren runterfahren hochfahren zurücksetzen zuruecksetzen stoppen starten anhalten ' +
    'abschalten ausschalten einschalten pausieren neustarten losschicken schicken freigeben einplanen anlegen buchen tauschen wechseln ' +
    'reinigen prüfen pruefen rakel rakeldruck fahrt störung stoerung ' +
    // "plan neu rechnen", "Prognose Kompressor": short requests in the floor's German.
    'neu neue neuen rechnen berechnen prognose zustand pumpe ' +
    // "wia hoaß is da Ofa grad?": Bavarian, Austrian and Swiss words (dialect.ts reads them once the message is German).
    'wia hoaß hoass ofa ofe isch grad heit kimmt hod vui muass amoi gloffe nimmer fahrn scho chasch chönd nix ' +
    'heid servus gwesen gwesn zwoa ned net gell fei mia oans nacht gschmissn anfahrn stehn aufm des'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the a an is are was were what when why who which where and or not no please now just today yesterday since until between from of to ' +
    'with for on in last hours minutes shift line oven printer show give make set stop hold start book yes thanks hello running ' +
    'all current value values alarms order orders maintenance handover manual mean up down by at how do does i we you it me my ' +
    // Short requests with none of the above ("don't touch zone 4") fell to the German classifier; not "will", a German word too.
    'don dont touch leave keep if then there this that can could would should need needs again any anything ' +
    // "looks good", "sounds great", "ship it" after a German turn are still English.
    'looks sounds good great fine nice perfect ship thanks ' +
    // "print speed L1 5 mm/s faster": a change in English words that none of the above is.
    'faster slower more less higher lower warmer colder hotter cooler speed print pressure temperature restart turn off send release schedule tomorrow tonight morning night week both each every either'
  ).split(' '),
);

/** Endings no English word of six letters or more has ("-ung", "-keit", "-ieren", "-zeit", "-verlauf", "-folge"). */
const GERMAN_ENDING = /^[a-zäöüß]{2,}(?:ung|ungen|keit|heit|ieren|iert|zeit|lauf|folge|stoff|schaft|lich|isch|temperatur)$/;

/** How many words of each language the text has (German letters count for German). */
export function languageEvidence(text: string): { german: number; english: number } {
  // "WO pls", "any WOs on L2": the work order's short form, not the German "wo" (where).
  const words =
    text
      .replace(/\bWOs?\b/g, ' ')
      .toLowerCase()
      .match(/[a-zäöüß]+/g) ?? [];
  let german = /[äöüß]/.test(text.toLowerCase()) ? 1 : 0;
  let english = 0;
  for (const word of words) {
    // "Restlaufzeit", "Temperaturverlauf", "Reihenfolge optimieren": German compounds and verbs by their endings.
    if (GERMAN.has(word) || GERMAN_ENDING.test(word)) german++;
    if (ENGLISH.has(word)) english++;
  }
  return { german, english };
}

export function detectLanguage(text: string): Language {
  const { german, english } = languageEvidence(text);
  return german > english ? 'de' : 'en';
}

/**
 * The language of a message in a conversation: its own words decide; "ok", "L2?" or "was geht zuerst aus?" (whose
 * words are as English as German) are in the language of the message before, when that one says.
 */
export function conversationLanguage(text: string, previousText: string | undefined): Language {
  const own = languageEvidence(text);
  if (own.german !== own.english || !previousText) return detectLanguage(text);
  const before = languageEvidence(previousText);
  return before.german === before.english ? detectLanguage(text) : before.german > before.english ? 'de' : 'en';
}
