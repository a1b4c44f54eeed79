/** The offline model's understanding of a request; it lives in intents/ (see intents/index.ts). */
export * from './intents/index';
