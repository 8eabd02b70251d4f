// Policy versions for the administrator: every policy, one policy's versions, publishing the
// next version, and which cases pinned which version (受理编号, stage).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export type PolicyKey = paths['/api/admin/policies/{key}']['get']['parameters']['path']['key'];

export const getPolicies = () => call(api.GET('/api/admin/policies'));
export const getVersions = (key: PolicyKey) => call(api.GET('/api/admin/policies/{key}', { params: { path: { key } } }));
export const getPins = (key: PolicyKey, version?: number) => call(api.GET('/api/admin/policies/{key}/pins', { params: { path: { key }, query: version === undefined ? {} : { version } } }));
export const publishPolicy = (key: PolicyKey, values: Record<string, unknown>) => call(api.POST('/api/admin/policies/{key}', { params: { path: { key } }, body: { values } }));

export type PolicySummary = Awaited<ReturnType<typeof getPolicies>>['items'][number];
export type PolicyVersion = Awaited<ReturnType<typeof getVersions>>['items'][number];
export type Pin = Awaited<ReturnType<typeof getPins>>['items'][number];

export const usePolicies = () => useQuery({ queryKey: ['policies'], queryFn: getPolicies });
export const usePolicyVersions = (key: PolicyKey | undefined) => useQuery({ queryKey: ['policy-versions', key], queryFn: () => getVersions(key!), enabled: key !== undefined });

/** The stage of each case is worded by the API's catalogue; the language is part of the key all the same. */
export function usePins(key: PolicyKey | undefined, version: number | undefined) {
  const locale = useLocale();
  return useQuery({ queryKey: ['policy-pins', key, version ?? 'all', locale], queryFn: () => getPins(key!, version), enabled: key !== undefined });
}

export function usePublishPolicy() {
  const client = useQueryClient();
  return useMutation({
    // The page shows the API's problem beside the form (ProblemAlert), not as a passing message.
    meta: { quiet: true },
    mutationFn: ({ key, values }: { key: PolicyKey; values: Record<string, unknown> }) => publishPolicy(key, values),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['policies'] });
      await client.invalidateQueries({ queryKey: ['policy-versions'] });
      await client.invalidateQueries({ queryKey: ['policy-pins'] });
    },
  });
}
