import { describe, expect, it } from 'vitest';
import { messageWithoutCode } from './alarm-state';

describe('alarm texts', () => {
  it('shows the code once', () => {
    expect(messageWithoutCode('E-260', 'E-260 Board drop in conveyor')).toBe('Board drop in conveyor');
    expect(messageWithoutCode('E-260', 'E-260: Board drop')).toBe('Board drop');
    expect(messageWithoutCode('E-260', 'Board drop')).toBe('Board drop');
    expect(messageWithoutCode('E-26', 'E-260 Board drop')).toBe('E-260 Board drop');
  });
});
