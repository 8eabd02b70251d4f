import { z } from 'zod';
import { BASES, KINDS } from '../../domain/entitlements/money';

const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.string().describe('YYYY-MM-DD, Asia/Shanghai');

export const membershipParams = z.object({ id: text(100) });

/** A calendar month; ?format=csv or `Accept: text/csv` answers CSV. */
export const payablesQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
  format: z.enum(['json', 'csv']).optional(),
});

export const entitlementSchema = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  label: z.string().describe("The kind in the caller's language"),
  basis: z.enum(BASES),
  basisLabel: z.string(),
  amountFen: z.number().int().describe('Per month (monthly), once (lump-sum), 0 (in kind)'),
  grantVersion: z.number().int(),
  startsOn: date.describe('The first day with the benefit'),
  endsOn: date.describe('The planned end: the first day without the benefit'),
  status: z.enum(['active', 'suspended', 'ended']),
  statusLabel: z.string(),
  endedOn: date.nullable().describe('The first day without the benefit, once ended'),
  endReason: z.enum(['term', 'exit', 'death']).nullable(),
  endReasonLabel: z.string().nullable(),
  pauses: z.array(z.object({ from: date, until: date.nullable() })),
  paidToDateFen: z.number().int().describe('The advances of the months begun so far'),
  recoverableFen: z.number().int().describe('Paid in advance beyond what was due: recorded at the end, else so far'),
});

export const payableSchema = z.object({
  month: z.string(),
  entitlementId: z.string(),
  membershipId: z.string(),
  talentId: z.string(),
  talentName: z.string(),
  programmeId: z.string(),
  programme: z.string(),
  entitlementKind: z.enum(KINDS),
  entitlementLabel: z.string(),
  basis: z.enum(BASES),
  basisLabel: z.string(),
  days: z.number().int().describe('Days of the month with the benefit'),
  daysInMonth: z.number().int(),
  amountFen: z.number().int().describe('Due for the month by the record'),
  amountYuan: z.string(),
  paidInAdvanceFen: z.number().int().describe('What the first of the month paid, as then known'),
  recoverableFen: z.number().int().describe("Of the month's advance, what was not due"),
  status: z.enum(['active', 'suspended', 'ended']),
  statusLabel: z.string(),
  endedOn: z.string().nullable(),
});

export const PAYABLE_COLUMNS = ['month', 'membershipId', 'talentId', 'talentName', 'programme', 'entitlementKind', 'entitlementLabel', 'basisLabel', 'days', 'daysInMonth', 'amountFen', 'amountYuan', 'paidInAdvanceFen', 'recoverableFen', 'statusLabel', 'endedOn'] as const;
