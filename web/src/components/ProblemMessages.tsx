// Every failed query or mutation shows the API's problem details as an antd message, unless the
// query says it handles its failure itself (meta: { quiet: true }).
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { ProblemText } from './ProblemAlert';

export function ProblemMessages() {
  const client = useQueryClient();
  const { message } = App.useApp();
  useEffect(() => {
    const show = (error: unknown) => void message.error({ content: <ProblemText error={error} />, duration: 6 });
    const offQueries = client.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && !e.query.meta?.quiet) show(e.action.error);
    });
    const offMutations = client.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && !e.mutation?.meta?.quiet) show(e.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [client, message]);
  return null;
}
