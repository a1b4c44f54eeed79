/**
 * Plant times and figures as a tool writes them in its English sentences ("04 Dec, 14:20", "Sat 00:38",
 * "2.5 h"), spelt the German way ("04. Dez., 14:20", "Sa 00:38", "2,5 h"), for the German forms of those
 * sentences (german-schedule-text.ts, german-handover-text.ts).
 */

const MONTHS: Record<string, string> = {
  Jan: 'Jan.',
  Feb: 'Feb.',
  Mar: 'März',
  Apr: 'Apr.',
  May: 'Mai',
  Jun: 'Juni',
  Jul: 'Juli',
  Aug: 'Aug.',
  Sep: 'Sept.',
  Oct: 'Okt.',
  Nov: 'Nov.',
  Dec: 'Dez.',
};
const DAYS: Record<string, string> = { Mon: 'Mo', Tue: 'Di', Wed: 'Mi', Thu: 'Do', Fri: 'Fr', Sat: 'Sa', Sun: 'So' };

export function germanFigures(text: string): string {
  return text
    .replace(/\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec),/g, (_, day: string, month: string) => `${day}. ${MONTHS[month]},`)
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{2}:\d{2})/g, (_, day: string, clock: string) => `${DAYS[day]} ${clock}`)
    .replace(/(\d)\.(\d+) (h|min|%)/g, '$1,$2 $3');
}
