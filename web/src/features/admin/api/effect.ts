// 效果跟踪's endpoints: a programme's figures by cycle, a talent's long-term picture, and the
// programmes to pick from. The API words nothing here, but the CSV it exports is in the page's language.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api';

export const getProgrammes = () => call(api.GET('/api/programmes'));
export const getProgrammeEffect = (programmeId: string, intake?: string) =>
  call(api.GET('/api/admin/effect/programmes/{programmeId}', { params: { path: { programmeId }, query: intake ? { intake } : {} } }));
export const getTalentEffect = (talentId: string) => call(api.GET('/api/admin/effect/talents/{talentId}', { params: { path: { talentId }, query: {} } }));

export type ProgrammeEffect = Awaited<ReturnType<typeof getProgrammeEffect>>;
export type TalentEffect = Awaited<ReturnType<typeof getTalentEffect>>;
export type Membership = TalentEffect['memberships'][number];

export const useProgrammes = () => useQuery({ queryKey: ['admin-programmes'], queryFn: getProgrammes });

export const useProgrammeEffect = (programmeId: string | undefined, intake: string | undefined) =>
  useQuery({ queryKey: ['admin-effect-programme', programmeId, intake], queryFn: () => getProgrammeEffect(programmeId!, intake), enabled: programmeId !== undefined });

export const useTalentEffect = (talentId: string) => useQuery({ queryKey: ['admin-effect-talent', talentId], queryFn: () => getTalentEffect(talentId) });

/** The programme's figures as CSV (the API's format=csv), saved with useDownload. */
export const effectCsvPath = (programmeId: string, intake?: string) =>
  `/api/admin/effect/programmes/${encodeURIComponent(programmeId)}?format=csv${intake ? `&intake=${encodeURIComponent(intake)}` : ''}`;
