// 效果跟踪's request and reply shapes.
import { z } from 'zod';
import { GRADES } from '../../domain/assessment/types';

const id = z.string().trim().min(1).max(100);
export const talentParams = z.object({ talentId: id });
export const programmeParams = z.object({ programmeId: id });

/** JSON by default; CSV with ?format=csv or `Accept: text/csv`. */
const format = z.enum(['json', 'csv']).optional().describe('csv: the same figures as a CSV (so does Accept: text/csv)');
export const talentQuery = z.object({ format });
export const programmeQuery = z.object({
  format,
  intake: z.string().regex(/^[A-Za-z0-9-]{1,50}$/, 'letters, digits and dashes').optional().describe('only the members of this intake'),
});

const instant = z.string().describe('ISO 8601');
const grade = z.enum(GRADES);
const points = z.number().nullable().describe('points, 0–100 (two decimals)');

const membershipSchema = z.object({
  membershipId: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  series: z.string(),
  level: z.string(),
  intake: z.string(),
  status: z.string().describe('active | paused | exited | completed | closed'),
  outcome: z.string().nullable(),
  admittedAt: instant,
  endedAt: instant.nullable(),
  cycles: z.array(z.object({ cycle: z.number(), score: points, baseGrade: z.string(), grade: grade.nullable().describe('null until the cohort is graded'), gradedAt: instant.nullable() })),
  longTerm: z.object({ meanScore: points, trend: z.enum(['improving', 'stable', 'declining']).nullable(), termGrade: grade.nullable().describe('set once the term has ended') }),
  outputs: z.array(z.object({ cycle: z.number().nullable(), kind: z.string(), title: z.string(), reportedAt: instant })).describe('what the self-reports listed'),
  exitReviews: z.array(z.object({ id: z.string(), n: z.number(), trigger: z.string(), status: z.string().describe('open | exited | retained | dismissed | cancelled'), stage: z.string(), startedAt: instant })),
});

export const talentEffectSchema = z.object({
  talent: z.object({ id: z.string(), name: z.string(), organisationId: z.string().nullable() }),
  memberships: z.array(membershipSchema),
  titles: z.object({
    certificates: z.array(z.object({ number: z.string(), series: z.string(), level: z.string(), issuedAt: instant, revoked: z.boolean(), revokedAt: instant.nullable() })),
    applications: z.array(z.object({ id: z.string(), caseNumber: z.string().nullable(), track: z.string(), series: z.string(), level: z.string(), status: z.string(), outcome: z.string().nullable(), submittedAt: instant, endedAt: instant.nullable() })),
  }),
  integrity: z.array(z.object({ kind: z.string(), reason: z.string(), recordedAt: instant, barUntil: instant })),
  supervisionEvents: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        reportedAs: z.string(),
        occurredOn: z.string().describe('YYYY-MM-DD'),
        status: z.string().describe('recorded | contested | upheld | overturned'),
        effects: z.array(z.object({ membershipId: z.string(), effect: z.string().describe('exit-review | transfer | post | pause | resume | closed | none'), undone: z.boolean() })),
        reportedAt: instant,
      }),
    )
    .describe('the supervision reports (日常监管) naming the talent'),
  entitlements: z
    .array(
      z.object({
        membershipId: z.string(),
        kind: z.string(),
        basis: z.string(),
        amountFen: z.number().int(),
        startsOn: z.string(),
        endsOn: z.string().describe('the planned end: the first day without the benefit'),
        status: z.string(),
        endedOn: z.string().nullable(),
        endReason: z.string().nullable(),
        recoverableFen: z.number().int().nullable(),
      }),
    )
    .describe("the entitlements of the talent's memberships"),
});

export const programmeEffectSchema = z.object({
  programme: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), talentType: z.string() }),
  excellentQuota: z.number().nullable().describe('the 优秀 quota of the grading rules in force (share of a cohort); null for none'),
  intake: z.string().nullable(),
  intakes: z.array(z.string()),
  cycles: z.array(
    z.object({
      cycle: z.number(),
      graded: z.number().describe('members graded in this cycle'),
      grades: z.object({ excellent: z.number(), pass: z.number(), 'basic-pass': z.number(), fail: z.number() }),
      excellentShare: z.number().nullable().describe('优秀 / graded, 0–1'),
      meanScore: points,
    }),
  ),
  membersByStatus: z.record(z.string(), z.number()),
  exits: z.array(z.object({ kind: z.enum(['review', 'closure']), cause: z.string().describe("an exit review's trigger, or a closure's outcome (e.g. death)"), count: z.number() })),
});
