// Committee meetings for the administrator: the list by status, one meeting's seats, and the
// four actions (convene, close voting, redraw, reschedule), one request function and hook each.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';

export type MeetingStage = NonNullable<NonNullable<paths['/api/meetings']['get']['parameters']['query']>['status']>;
export type RescheduleBody = NonNullable<paths['/api/meetings/{id}/reschedule']['post']['requestBody']>['content']['application/json'];
export type RedrawBody = NonNullable<paths['/api/meetings/{id}/redraw']['post']['requestBody']>['content']['application/json'];

export const getMeetings = (status: MeetingStage | undefined, page: number) => call(api.GET('/api/meetings', { params: { query: { ...(status ? { status } : {}), page, pageSize: 20 } } }));
export const getMeeting = (id: string) => call(api.GET('/api/meetings/{id}', { params: { path: { id } } }));
export const convene = (id: string) => call(api.POST('/api/meetings/{id}/convene', { params: { path: { id } }, body: {} }));
export const closeVoting = (id: string) => call(api.POST('/api/meetings/{id}/close-voting', { params: { path: { id } }, body: {} }));
export const redraw = (id: string, body: RedrawBody) => call(api.POST('/api/meetings/{id}/redraw', { params: { path: { id } }, body }));
export const reschedule = (id: string, body: RescheduleBody) => call(api.POST('/api/meetings/{id}/reschedule', { params: { path: { id } }, body }));

export type MeetingSummary = Awaited<ReturnType<typeof getMeetings>>['items'][number];
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

/** Meetings move while the page is open (experts check in, vote; the workflow escalates): polled every 5 s. */
export function useMeetings(status: MeetingStage | undefined, page: number) {
  return useQuery({ queryKey: ['admin-meetings', status ?? 'all', page], queryFn: () => getMeetings(status, page), refetchInterval: 5_000, placeholderData: keepPreviousData });
}

/** One meeting's seats and agenda, polled every 5 s like the list. */
export function useMeeting(id: string) {
  return useQuery({ queryKey: ['admin-meeting', id], queryFn: () => getMeeting(id), refetchInterval: 5_000 });
}

export type MeetingAction =
  | { action: 'convene'; id: string }
  | { action: 'close-voting'; id: string }
  | { action: 'redraw'; id: string; body: RedrawBody }
  | { action: 'reschedule'; id: string; body: RescheduleBody };

const act = (a: MeetingAction) => {
  switch (a.action) {
    case 'convene':
      return convene(a.id);
    case 'close-voting':
      return closeVoting(a.id);
    case 'redraw':
      return redraw(a.id, a.body);
    case 'reschedule':
      return reschedule(a.id, a.body);
  }
};

export function useMeetingAction() {
  const client = useQueryClient();
  return useMutation({
    // The page shows the API's problem beside the form (ProblemAlert), not as a passing message.
    meta: { quiet: true },
    mutationFn: act,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin-meetings'] });
      await client.invalidateQueries({ queryKey: ['admin-meeting'] });
    },
  });
}
