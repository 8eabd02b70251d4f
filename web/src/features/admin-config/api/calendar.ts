// The working-day calendar for the administrator: a year's days, which years have data, a day
// entered or corrected with a reason, and the preview of the running deadlines a change moves.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api';

export type DayBody = NonNullable<paths['/api/admin/calendar/days/{date}']['put']['requestBody']>['content']['application/json'];
export type PreviewBody = NonNullable<paths['/api/admin/calendar/preview']['post']['requestBody']>['content']['application/json'];

export const getYear = (year: number) => call(api.GET('/api/admin/calendar/years/{year}', { params: { path: { year } } }));
export const getCoverage = () => call(api.GET('/api/admin/calendar/coverage', { params: { query: {} } }));
export const setDay = (date: string, body: DayBody) => call(api.PUT('/api/admin/calendar/days/{date}', { params: { path: { date } }, body }));
export const removeDay = (date: string, reason: string) => call(api.DELETE('/api/admin/calendar/days/{date}', { params: { path: { date } }, body: { reason } }));
export const previewChange = (body: PreviewBody) => call(api.POST('/api/admin/calendar/preview', { body }));

export type YearView = Awaited<ReturnType<typeof getYear>>;
export type CalendarDay = YearView['days'][number];
export type Coverage = Awaited<ReturnType<typeof getCoverage>>;
export type Changed = Awaited<ReturnType<typeof previewChange>>;
export type Move = Changed['moves'][number];

export const useCalendarYear = (year: number | undefined) => useQuery({ queryKey: ['calendar-year', year], queryFn: () => getYear(year!), enabled: year !== undefined });
export const useCoverage = () => useQuery({ queryKey: ['calendar-coverage'], queryFn: getCoverage });

export function useSetDay() {
  const client = useQueryClient();
  return useMutation({
    // The page shows the API's problem beside the form (ProblemAlert), not as a passing message.
    meta: { quiet: true },
    mutationFn: ({ date, body }: { date: string; body: DayBody }) => setDay(date, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['calendar-year'] });
      await client.invalidateQueries({ queryKey: ['calendar-coverage'] });
    },
  });
}

export function useRemoveDay() {
  const client = useQueryClient();
  return useMutation({
    // The page shows the API's problem beside the form (ProblemAlert), not as a passing message.
    meta: { quiet: true },
    mutationFn: ({ date, reason }: { date: string; reason: string }) => removeDay(date, reason),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['calendar-year'] });
      await client.invalidateQueries({ queryKey: ['calendar-coverage'] });
    },
  });
}

export const usePreview = () => useMutation({ meta: { quiet: true }, mutationFn: previewChange });
