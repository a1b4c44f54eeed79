/**
 * Trains the offline model's intent classifier and stores it beside its utterances, so servers
 * load it in milliseconds instead of training at start-up. Run after editing training/*.json:
 *   npx tsx agent/models/offline/training/build-model.ts
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { trainIntentModel } from '../intent-classifier';

const { stored, trainingMs } = await trainIntentModel();
const path = fileURLToPath(new URL('./model.json', import.meta.url));
await writeFile(path, `${JSON.stringify(stored)}\n`);
console.log(`Trained the intent model in ${Math.round(trainingMs)} ms (hash ${stored.hash}); wrote ${path}`);
