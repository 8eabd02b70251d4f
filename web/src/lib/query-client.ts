import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem';

/** Answers the API gave on purpose (4xx) are not retried; network and server errors twice. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, err) => !(err instanceof ApiProblem && err.status < 500) && failures < 2,
      staleTime: 10_000,
    },
  },
});
