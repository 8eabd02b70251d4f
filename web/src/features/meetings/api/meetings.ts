// Committee meetings as an expert sees them: one request function and one hook per endpoint,
// typed from the generated client. Every action carries the Idempotency-Key its form made once,
// so a double click or a retry acts once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, openFile } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export const getMeetings = () => call(api.GET('/api/meetings', { params: { query: { page: 1, pageSize: 50 } } }));
export const getMeeting = (id: string) => call(api.GET('/api/meetings/{id}', { params: { path: { id } } }));

type Key = { id: string; key: string };
export const checkIn = ({ id, key }: Key) => call(api.POST('/api/meetings/{id}/check-in', { params: { path: { id }, header: { 'idempotency-key': key } }, body: {} }));
export const recuse = ({ id, key, reason }: Key & { reason: string }) =>
  call(api.POST('/api/meetings/{id}/recusal', { params: { path: { id }, header: { 'idempotency-key': key } }, body: { reason } }));
export const submitOpinion = ({ id, key, caseId, opinion }: Key & { caseId: string; opinion: string }) =>
  call(api.POST('/api/meetings/{id}/opinions', { params: { path: { id }, header: { 'idempotency-key': key } }, body: { caseId, opinion } }));
export type Choice = 'yes' | 'no' | 'abstain';
export const vote = ({ id, key, caseId, choice }: Key & { caseId: string; choice: Choice }) =>
  call(api.POST('/api/meetings/{id}/votes', { params: { path: { id }, header: { 'idempotency-key': key } }, body: { caseId, choice } }));

export type MeetingSummary = Awaited<ReturnType<typeof getMeetings>>['items'][number];
export type Meeting = Awaited<ReturnType<typeof getMeeting>>;
export type AgendaItem = Meeting['agenda'][number];
export type Material = NonNullable<AgendaItem['materials']>[number];

/** An exit review on an exit committee's agenda: what its experts read before they vote on the motion "exit". */
export type ExitDossier = NonNullable<AgendaItem['exitDossier']>;
export const exitDossierOf = (c: AgendaItem): ExitDossier | undefined => c.exitDossier;

/** How often a watched meeting is read again while it runs (see useMeeting). */
export const MEETING_POLL_MS = 3_000;

export function useMeetings() {
  const locale = useLocale();
  return useQuery({ queryKey: ['meetings', locale], queryFn: getMeetings });
}

export function useMeeting(id: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['meeting', id, locale],
    queryFn: () => getMeeting(id),
    // Other experts check in, recuse and vote from their own screens: quorum, the stage and the
    // ballot counts move without this page doing anything, so it reads the meeting again every
    // few seconds while the meeting runs (a closed meeting no longer changes).
    refetchInterval: (q) => (q.state.data?.status === 'closed' ? false : MEETING_POLL_MS),
  });
}

/** A meeting action; on success the meeting is read again at once rather than at the next poll. */
function useAction<V>(fn: (v: V) => Promise<unknown>, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['meeting', id] }), client.invalidateQueries({ queryKey: ['meetings'] })]),
  });
}

export const useCheckIn = (id: string) => useAction(checkIn, id);
export const useRecuse = (id: string) => useAction(recuse, id);
export const useSubmitOpinion = (id: string) => useAction(submitOpinion, id);
// The ballot has no hook: a mutation would keep its variables (the choice); see BallotForm.

/** A material behind the token, opened in a new tab or saved. */
export const useOpenFile = () =>
  useMutation({ mutationFn: ({ path, how, fileName }: { path: string; how: 'view' | 'download'; fileName?: string }) => openFile(path, how, fileName) });
