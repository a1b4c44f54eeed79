/** The small part of NLP.js (shipped without types) that the offline model uses. */
declare module '@nlpjs/core' {
  export type NlpContainer = { use(plugin: unknown): void; get(name: string): unknown };
  export function containerBootstrap(settings?: Record<string, unknown>): NlpContainer;
}
declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
