/** The stemmers and the English stop-word list of NLP.js (shipped without types) that passage ranking uses. */
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(word: string): string;
  }
  export class StopwordsEn {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-de' {
  export class StemmerDe {
    stem(word: string): string;
  }
}
