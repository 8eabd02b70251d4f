import { z } from 'zod';
import { LEVELS } from '../../workflows/appraisal/types';

const isoDate = z.iso.date();

export const achievementSchema = z.object({
  kind: z.enum(['paper', 'patent', 'project', 'award', 'product']),
  title: z.string().trim().min(1).max(300),
  year: z.number().int().min(1950).max(2100),
  evidence: z.array(z.string().trim().min(1).max(500)).min(1, 'each achievement needs evidence'),
});

export const submitApplicationBody = z.object({
  /** standard, direct (直通车), green (绿色通道), or any further track the policy defines. */
  track: z.string().trim().min(1).max(50).default('standard'),
  series: z.string().trim().min(1).max(50),
  level: z.enum(LEVELS),
  field: z.string().trim().min(1).max(100),
  /** The employer, or the talent service centre acting for applicants without one. */
  employerId: z.string().trim().min(1).max(100),
  submission: z.object({
    education: z.enum(['secondary', 'associate', 'bachelor', 'master', 'doctorate']),
    currentTitle: z
      .object({ level: z.enum(LEVELS), series: z.string().trim().min(1).max(50), since: isoDate })
      .optional(),
    qualifications: z.array(z.enum(['overseas-title', 'overseas-position', 'overseas-qualification', 'talent-programme'])).max(10).optional(),
    achievements: z.array(achievementSchema).max(100),
  }),
});
export type SubmitApplicationBody = z.infer<typeof submitApplicationBody>;

export const applicationParams = z.object({ id: z.uuid() });

export const employerDecisionBody = z
  .object({
    decision: z.enum(['approve', 'return', 'reject']),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((b) => b.decision === 'approve' || b.reason !== undefined, {
    path: ['reason'],
    message: 'a reason is required to return or reject',
  });
