import { z } from 'zod';
import { LEVELS } from '../../domain/appraisal/types';

const text = (max: number) => z.string().trim().min(1).max(max);

/** An achievement as a draft holds it: its evidence is the materials that name it. */
export const draftAchievement = z.object({
  kind: z.enum(['paper', 'patent', 'project', 'award', 'product']),
  title: text(300),
  year: z.number().int().min(1950).max(2100),
});

/** What an applicant has filled in so far: every field may still be missing. */
export const draftContent = z.object({
  track: text(50).optional(),
  series: text(50).optional(),
  level: z.enum(LEVELS).optional(),
  field: text(100).optional(),
  employerId: text(100).optional(),
  submission: z
    .object({
      education: z.enum(['secondary', 'associate', 'bachelor', 'master', 'doctorate']).optional(),
      currentTitle: z.object({ level: z.enum(LEVELS), series: text(50), since: z.iso.date() }).optional(),
      qualifications: z.array(z.enum(['overseas-title', 'overseas-position', 'overseas-qualification', 'talent-programme'])).max(10).optional(),
      achievements: z.array(draftAchievement).max(100).optional(),
    })
    .optional(),
});
export type DraftContent = z.infer<typeof draftContent>;

export const draftParams = z.object({ id: z.uuid() });
export const draftMaterialParams = z.object({ id: z.uuid(), materialId: z.uuid() });
export const draftBody = z.object({ content: draftContent.default({}) });

/** The form fields of a material upload (the file is the part named "file"). */
export const materialFields = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'a kind of the standard’s required evidence, or of an achievement'),
  title: text(200),
  /** The achievement it backs: its position in the submission's achievements, from 0. */
  achievement: z.coerce.number().int().min(0).max(99).optional(),
});

export const materialView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  achievement: z.number().nullable(),
  fileName: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  round: z.number(),
  replacedById: z.string().nullable(),
  purged: z.boolean(),
  links: z.object({ download: z.string(), view: z.string() }),
});

export const draftView = z.object({
  id: z.string(),
  applicantId: z.string(),
  content: draftContent,
  createdAt: z.string(),
  updatedAt: z.string(),
  applicationId: z.string().nullable(),
  materials: z.array(materialView),
});

export const checkReply = z.object({
  ready: z.boolean(),
  checkedAt: z.string(),
  findings: z.array(z.object({ path: z.string(), code: z.string(), reason: z.string() })),
  pinned: z.object({ policyVersion: z.number(), standardId: z.string(), standardVersion: z.number() }).optional(),
});
