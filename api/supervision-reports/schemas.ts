import { z } from 'zod';
import { REPORT_KINDS } from '../../domain/supervision/types';

const text = (max: number) => z.string().trim().min(1).max(max);

export const reportParams = z.object({ id: z.uuid() });

export const reportHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe("The report's client key: the same key again answers the same report and records nothing twice."),
});

export const reportBody = z.object({
  talentId: text(200),
  kind: z.enum(REPORT_KINDS),
  /** The day it happened (Asia/Shanghai), not after today. */
  occurredOn: z.iso.date(),
  statement: text(5000),
  /** The kind's facts (see the description). */
  facts: z.record(z.string(), z.unknown()).default({}),
  /** Ids of materials (or blob hashes) from the dossier store that the reporter may read. */
  evidence: z.array(text(200)).max(50).default([]),
});

export const listQuery = z.object({ talentId: text(200).optional(), membershipId: z.uuid().optional() });

export const contestBody = z.object({ grounds: text(5000) });

export const resolutionBody = z.object({ resolution: z.enum(['upheld', 'overturned']), reason: text(2000) });

export const reportReply = z.object({
  id: z.string(),
  talentId: z.string(),
  kind: z.string(),
  reportedAs: z.string(),
  occurredOn: z.string(),
  statement: z.string(),
  facts: z.record(z.string(), z.unknown()),
  evidence: z.array(z.string()),
  effects: z.array(z.unknown()).describe('Per membership: what the report did (exit review, transfer, post, pause, resume, closed, none) and whether it was undone.'),
  contestBy: z.string().nullable(),
  status: z.enum(['recorded', 'contested', 'upheld', 'overturned']),
  createdAt: z.string(),
});

export const stageReply = z.object({ id: z.string(), stage: z.string() });
