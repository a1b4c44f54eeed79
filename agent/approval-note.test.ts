import { describe, expect, it } from 'vitest';
import { approvalFiledNote } from './approval-note';

describe('approvalFiledNote', () => {
  it('names what was filed and says nothing changes before an approval, in English', () => {
    const note = approvalFiledNote(['Set Reflow oven L1 Zone3.SetpointC to 190 °C.'], 'en');
    expect(note).toBe(
      'Filed for approval: Set Reflow oven L1 Zone3.SetpointC to 190 °C. Nothing changes in the plant until someone approves it in Approvals; if it is rejected or expires, nothing runs.',
    );
  });

  it('answers German in German and lists several requests', () => {
    const note = approvalFiledNote(['Hold Printer L2', 'Stop Placer 1 L2'], 'de');
    expect(note).toMatch(/^Zur Freigabe eingereicht: Hold Printer L2; Stop Placer 1 L2\. An der Anlage ändert sich nichts/);
  });

  it('still says what happens next when the gate gave no summary', () => {
    expect(approvalFiledNote(['  '], 'en')).toMatch(/^Filed for approval\. Nothing changes/);
  });
});
