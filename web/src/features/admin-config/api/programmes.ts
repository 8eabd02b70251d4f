// Programmes and standards for the administrator: the programmes and their grading versions,
// publishing a new grading version, and the title standards (series × level × track) by version.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';

export type GradingRules = NonNullable<paths['/api/programmes/{id}/standards']['post']['requestBody']>['content']['application/json'];
export type CreateProgrammeBody = NonNullable<paths['/api/programmes']['post']['requestBody']>['content']['application/json'];
export type StandardsQuery = NonNullable<paths['/api/standards']['get']['parameters']['query']>;
export type PublishStandardBody = NonNullable<paths['/api/standards']['post']['requestBody']>['content']['application/json'];

export const getProgrammes = () => call(api.GET('/api/programmes'));
export const getGradingVersions = (id: string) => call(api.GET('/api/programmes/{id}/standards', { params: { path: { id } } }));
export const publishGrading = (id: string, rules: GradingRules) => call(api.POST('/api/programmes/{id}/standards', { params: { path: { id } }, body: rules }));
export const createProgramme = (body: CreateProgrammeBody) => call(api.POST('/api/programmes', { body }));
export const getStandards = (query: StandardsQuery) => call(api.GET('/api/standards', { params: { query } }));
export const publishStandard = (body: PublishStandardBody) => call(api.POST('/api/standards', { body }));

export type Programme = Awaited<ReturnType<typeof getProgrammes>>['items'][number];
export type GradingVersion = Awaited<ReturnType<typeof getGradingVersions>>['items'][number];
export type Standard = Awaited<ReturnType<typeof getStandards>>['items'][number];

export const useProgrammes = () => useQuery({ queryKey: ['programmes'], queryFn: getProgrammes });
export const useGradingVersions = (id: string | undefined) => useQuery({ queryKey: ['programme-grading', id], queryFn: () => getGradingVersions(id!), enabled: id !== undefined });
export const useStandards = (query: StandardsQuery) => useQuery({ queryKey: ['standards', query], queryFn: () => getStandards(query) });

export function usePublishGrading() {
  const client = useQueryClient();
  return useMutation({
    // The page shows the API's problem beside the form (ProblemAlert), not as a passing message.
    meta: { quiet: true },
    mutationFn: ({ id, rules }: { id: string; rules: GradingRules }) => publishGrading(id, rules),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['programmes'] });
      await client.invalidateQueries({ queryKey: ['programme-grading'] });
    },
  });
}

export function useCreateProgramme() {
  const client = useQueryClient();
  return useMutation({ meta: { quiet: true }, mutationFn: createProgramme, onSuccess: () => client.invalidateQueries({ queryKey: ['programmes'] }) });
}

export function usePublishStandard() {
  const client = useQueryClient();
  return useMutation({ meta: { quiet: true }, mutationFn: publishStandard, onSuccess: () => client.invalidateQueries({ queryKey: ['standards'] }) });
}
