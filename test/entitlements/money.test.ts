// The money of an entitlement, by hand-counted calendar days: 8000.00 yuan a month = 800000 fen.
import { describe, expect, it } from 'vitest';
import { addMonths, advanceFor, dueFor, proRata, recoverableAtEnd, settlement, type EntitlementTerms } from '../../domain/entitlements/money';

const allowance = (over: Partial<EntitlementTerms> = {}): EntitlementTerms => ({ basis: 'monthly', amountFen: 800_000, startsOn: '2026-03-16', endsOn: '2029-03-16', pauses: [], ...over });

describe('monthly money', () => {
  it('pays a full month in advance, and the start month from the start day', () => {
    // 16–31 March: 16 of 31 days; 800000 × 16 / 31 = 412903.2 → 412903.
    expect(dueFor(allowance(), '2026-03')).toEqual({ days: 16, daysInMonth: 31, amountFen: 412_903 });
    expect(advanceFor(allowance(), '2026-03').amountFen).toBe(412_903);
    expect(dueFor(allowance(), '2026-04')).toEqual({ days: 30, daysInMonth: 30, amountFen: 800_000 });
    expect(dueFor(allowance(), '2026-02').amountFen).toBe(0);
    // The planned end (16 March 2029, the first day without) is pro rata too: 15 of 31 days.
    expect(dueFor(allowance(), '2029-03')).toEqual({ days: 15, daysInMonth: 31, amountFen: 387_097 });
    expect(dueFor(allowance(), '2029-04').amountFen).toBe(0);
  });

  it.each([
    // [end date (first day without), days with the benefit, days in month, due, recoverable]
    ['2026-07-20', 19, 31, 490_323, 309_677], // 800000 × 19/31 = 490322.58
    ['2026-06-16', 15, 30, 400_000, 400_000],
    ['2027-02-15', 14, 28, 400_000, 400_000],
    ['2028-02-10', 9, 29, 248_276, 551_724], // 800000 × 9/29 = 248275.86
  ] as const)('an exit on %s pays %i of %i days and records the rest as recoverable', (endedOn, days, daysInMonth, due, recoverable) => {
    const e = allowance({ endedOn });
    const month = endedOn.slice(0, 7);
    expect(dueFor(e, month)).toEqual({ days, daysInMonth, amountFen: due });
    expect(advanceFor(e, month).amountFen).toBe(800_000);
    expect(recoverableAtEnd(e)).toBe(recoverable);
    // Nothing is payable after the end month.
    const after = addMonths(`${month}-01`, 1).slice(0, 7);
    expect(advanceFor(e, after).amountFen).toBe(0);
    expect(dueFor(e, after).amountFen).toBe(0);
  });

  it('a pause spanning two months: the first month is overpaid, the next is paid as known', () => {
    const e = allowance({ pauses: [{ from: '2026-06-21', until: '2026-07-11' }] });
    // June: 1–20 = 20 of 30 days = 533333.33 → 533333; paid 800000 on 1 June.
    expect(dueFor(e, '2026-06')).toEqual({ days: 20, daysInMonth: 30, amountFen: 533_333 });
    expect(advanceFor(e, '2026-06').amountFen).toBe(800_000);
    // July: 11–31 = 21 of 31 days = 541935.48 → 541935, and the advance already knew of the pause.
    expect(dueFor(e, '2026-07')).toEqual({ days: 21, daysInMonth: 31, amountFen: 541_935 });
    expect(advanceFor(e, '2026-07').amountFen).toBe(541_935);
    expect(settlement(e, '2026-07-31').recoverableFen).toBe(800_000 - 533_333);
  });

  it('an open pause stops the next months entirely', () => {
    const e = allowance({ pauses: [{ from: '2026-06-21' }] });
    expect(advanceFor(e, '2026-07').amountFen).toBe(0);
    expect(dueFor(e, '2026-07').amountFen).toBe(0);
  });

  it('a pause, then an exit in the same month: only the days before the pause are due', () => {
    const e = allowance({ pauses: [{ from: '2026-07-10', until: '2026-07-20' }], endedOn: '2026-07-20' });
    // 1–9 July = 9 of 31 days = 232258.06 → 232258; 800000 was paid on 1 July.
    expect(dueFor(e, '2026-07')).toEqual({ days: 9, daysInMonth: 31, amountFen: 232_258 });
    expect(recoverableAtEnd(e)).toBe(800_000 - 232_258);
  });

  it('rounds each month half up to a whole fen', () => {
    expect(proRata(15, 1, 30)).toBe(1); // 0.5 → 1
    expect(proRata(14, 1, 30)).toBe(0); // 0.47 → 0
    expect(proRata(100, 1, 3)).toBe(33); // 33.33
    expect(proRata(200, 1, 3)).toBe(67); // 66.67
    expect(proRata(800_000, 31, 31)).toBe(800_000);
  });
});

describe('lump sums and benefits in kind', () => {
  it('a lump sum is paid once, in the start month, and not recovered', () => {
    const grant = allowance({ basis: 'lump-sum', amountFen: 50_000_000, endedOn: '2026-07-20' });
    expect(dueFor(grant, '2026-03').amountFen).toBe(50_000_000);
    expect(dueFor(grant, '2026-04').amountFen).toBe(0);
    expect(settlement(grant, '2026-07-20')).toEqual({ paidFen: 50_000_000, dueFen: 50_000_000, recoverableFen: 0 });
  });

  it('an apartment pays no money and lists its days until the end', () => {
    const flat = allowance({ basis: 'in-kind', amountFen: 0, endedOn: '2026-07-20' });
    expect(dueFor(flat, '2026-07')).toEqual({ days: 19, daysInMonth: 31, amountFen: 0 });
    expect(recoverableAtEnd(flat)).toBe(0);
  });
});

describe('the term end', () => {
  it('is the same day months later, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-16', 36)).toBe('2029-03-16');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-01-31', 13)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
  });
});
