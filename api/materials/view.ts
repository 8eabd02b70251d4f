// A material as people see it: what it is, its size, its hash, and where to read it.
type MaterialRow = {
  id: string;
  kind: string;
  title: string;
  achievement: number | null;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  uploadedAt: Date;
  round: number;
  replacedById: string | null;
  purgedAt: Date | null;
};

export const materialView = (m: MaterialRow) => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  achievement: m.achievement,
  fileName: m.fileName,
  size: m.size,
  mime: m.mime,
  sha256: m.sha256,
  uploadedAt: m.uploadedAt.toISOString(),
  round: m.round,
  replacedById: m.replacedById,
  purged: m.purgedAt !== null,
  links: { download: `/api/materials/${m.id}`, view: `/api/materials/${m.id}?inline=true` },
});
