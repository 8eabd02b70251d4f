// The same deadlines on machines in any time zone: tz-probe.ts runs in child processes with TZ
// set (it must be set before Node starts), and every zone must print the same results.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

// West and east of UTC by up to 14 hours, plus UTC and Shanghai itself; offsets in January.
const zones = { UTC: 0, 'America/New_York': 300, 'Pacific/Pago_Pago': 660, 'Pacific/Kiritimati': -840, 'Asia/Shanghai': -480 };

async function probeIn(tz: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], { cwd: root, env: { ...process.env, TZ: tz } });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('results do not depend on the machine time zone', () => {
  it('gives identical deadlines, reminders and working days in five zones', async () => {
    const results = await Promise.all(Object.keys(zones).map(probeIn));
    for (const [i, [tz, offset]] of Object.entries(zones).entries()) {
      const { zone, offsetMinutes, packageDisagreements: _, ...computed } = results[i]!;
      expect({ zone, offsetMinutes }).toEqual({ zone: tz, offsetMinutes: offset }); // TZ really applied
      expect(computed).toEqual({
        example: { dueAt: '2026-10-10T16:00:00.000Z', lastDay: '2026-10-10', warnings: [] },
        lateNight: '2026-10-12',
        reminders: ['2026-09-29T16:00:00.000Z', '2026-10-08T16:00:00.000Z'],
        words: ['办理期限：2026年10月10日（含当日，共5个工作日）', '截止时间：2026年10月10日 07:30', 'Due by: the end of 10 Oct 2026 (5 working days)', 'Closes at: 10 Oct 2026, 07:30 (UTC+8)'],
        flags: results[0]!.flags,
        deadlines: results[0]!.deadlines,
        deadlineCount: 1464,
      });
    }
  });

  it('reads the same calendar as chinese-days itself answers when run in UTC', async () => {
    // Its functions misread dates west of UTC (thousands of days in New York); its data does not.
    expect((await probeIn('UTC')).packageDisagreements).toBe(0);
  });
});
