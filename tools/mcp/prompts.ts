/**
 * MCP prompts: the two conversations plant people start most. They tell the client's model which
 * Plantpilot tools and resources to use and what to leave to people (every change is a request
 * that a supervisor approves).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { RESOURCE_URIS } from './resources';

const GROUND_RULES =
  'Use only what Plantpilot’s tools and resources return; cite the source of every value (tag, timestamp, quality) and every manual passage. ' +
  'Say so when data is stale, bad or missing. Any change to the plant goes through an actuate tool, which files an approval request ' +
  'that a supervisor decides — never claim a change was made until get_approval says it was executed and the read-back confirms it.';

function userMessage(text: string): GetPromptResult['messages'][number] {
  return { role: 'user', content: { type: 'text', text } };
}

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'shift_handover',
    {
      title: 'Shift handover',
      description: 'Draft the end-of-shift handover report from live plant state, alarms, approvals and the previous handover.',
      argsSchema: { shift: z.string().max(100).optional().describe('Which shift, e.g. "early 2026-11-24"; default: the shift now ending.') },
    },
    ({ shift }) => ({
      description: 'Shift handover draft',
      messages: [
        userMessage(
          [
            `Draft the shift handover for ${shift?.trim() || 'the shift now ending'}.`,
            `Start from the previous handover (resource ${RESOURCE_URIS.latestHandover}) and the plant model (${RESOURCE_URIS.plantModel}).`,
            'Cover, per line: production against plan, scrap, downtime and its causes, active and cleared alarms, pending or decided approval requests, ' +
              'open work orders and maintenance forecasts, and anything the next shift must watch or do first.',
            'End with a short list of open actions, each with an owner role.',
            GROUND_RULES,
          ].join('\n\n'),
        ),
      ],
    }),
  );

  server.registerPrompt(
    'troubleshoot_alarm',
    {
      title: 'Troubleshoot an alarm',
      description: 'Work through an alarm: what it means per the manuals, what the live and recent values show, likely causes and safe next steps.',
      argsSchema: {
        code: z.string().min(1).max(64).describe('The alarm code as shown on the HMI, e.g. "E-214".'),
        asset: z.string().max(64).optional().describe('The asset id or name, e.g. "L1-RFL" or "reflow oven".'),
      },
    },
    ({ code, asset }) => ({
      description: `Troubleshoot alarm ${code}${asset ? ` on ${asset}` : ''}`,
      messages: [
        userMessage(
          [
            `Help me troubleshoot alarm ${code}${asset ? ` on ${asset}` : ''}.`,
            `1. Look the alarm up in the manuals (search them, and read the manual resources under plantpilot://manuals/) and quote what it means and the prescribed response.`,
            `2. Read the asset's current values and recent history around the alarm; note units, timestamps and quality.`,
            '3. List the likely causes, most likely first, each with the evidence for it.',
            '4. Propose safe next steps. If one is a change to the plant, explain it and file it with the actuate tool so a supervisor can decide; do not present it as done.',
            GROUND_RULES,
          ].join('\n'),
        ),
      ],
    }),
  );
}
