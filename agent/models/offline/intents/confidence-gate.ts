/** Below the confidence threshold (higher for writes) the model asks back, or says what it can do, instead of guessing. */
import type { AssetResolution } from '../asset-resolver';
import { CONFIDENCE_THRESHOLD, INTENTS, WRITE_CONFIDENCE_THRESHOLD, WRITE_INTENTS, type Intent } from './catalogue';
import { wordCount } from './conversation';
import { capabilities, clarify, lowConfidence, say } from './replies';
import type { Reading, Request } from './request';
import { orderId } from './slots';
import type { Plan } from './types';

export function confidenceGate(request: Request, reading: Reading, resolution: AssetResolution): Plan | undefined {
  const { input, language, text, lower, classification } = request;
  const targetName = resolution.kind === 'one' ? resolution.asset.id : undefined;
  if (!reading.followUp && !reading.byRule && reading.intent !== 'what_if') {
    const threshold = WRITE_INTENTS.has(reading.intent as Intent) ? WRITE_CONFIDENCE_THRESHOLD : CONFIDENCE_THRESHOLD;
    if (!((reading.intent as string) in INTENTS) || classification.score < threshold) {
      // A bare measurement or trend word ("Druckverlauf", "temps?") is a plant request missing its machine: ask, do not dismiss.
      if (
        wordCount(text) <= 3 &&
        !(reading.intent === 'smalltalk' && classification.score >= 0.8) &&
        /(verlauf|trend|kurve|druck|temperatur|pressure|temp|vibration|speed|geschwindigkeit)/.test(lower)
      )
        return lowConfidence({ ...classification, intent: 'tag_history' }, language, targetName, input.availableTools);
      // "stop it", "turn it up a bit", "the other one" with nothing before: which one? — not "I did not understand".
      if (
        !input.previous &&
        !input.pendingQuestion &&
        wordCount(text) <= 5 &&
        // "zieh den 24120 vor": "den" is the order named right there.
        !orderId(text) &&
        resolution.kind === 'none' &&
        /\b(it|that|this|that one|the other( one)?|ihn|es|das|den|die andere\w*|den anderen|das andere)\b/.test(lower) &&
        !/\b(thanks?|danke|ok|okay|cool|great|super|bye|tschüss|tschuess)\b/.test(lower)
      )
        return clarify(
          say(
            language,
            'Which machine or what do you mean? There is nothing earlier in this conversation it could refer to. Name it, e.g. “stop the printer on line 2”.',
            'Welche Maschine oder was meinen Sie? In diesem Gespräch gibt es noch nichts, worauf sich das beziehen kann. Nennen Sie es, z. B. „Drucker Linie 2 stoppen“.',
          ),
        );
      if (reading.intent === 'smalltalk' || (reading.intent as string) === 'None' || classification.score < 0.2)
        return {
          kind: 'reply',
          reason: 'unknown',
          text: say(
            language,
            `I did not understand that as a question about the plant. I am the offline model: I answer requests I recognise by calling the plant’s tools, and I cannot hold a free conversation (configure an OpenAI-compatible model for that).\n\n${capabilities(input.availableTools, language)}`,
            `Das habe ich nicht als Frage zur Anlage verstanden (I did not understand that). Ich bin das Offline-Modell: Ich beantworte Anfragen, die ich erkenne, mit den Werkzeugen der Anlage, und kann kein freies Gespräch führen.\n\n${capabilities(input.availableTools, language)}`,
          ),
        };
      return lowConfidence(classification, language, targetName, input.availableTools);
    }
  }
  return undefined;
}
