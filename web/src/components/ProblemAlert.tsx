// A failed request as the API explained it: the detail, and each field at fault.
import { Alert } from 'antd';
import { useChrome } from '../i18n';
import { ApiProblem } from '../lib/problem';

export function ProblemText({ error }: { error: unknown }) {
  const t = useChrome();
  if (!(error instanceof ApiProblem)) return <>{error instanceof Error ? error.message : String(error)}</>;
  return (
    <>
      <div>{error.detail ?? error.title}</div>
      {error.errors.length > 0 && (
        <div>
          {t('error.fields')}:
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.errors.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function ProblemAlert({ error }: { error: unknown }) {
  const t = useChrome();
  const title = error instanceof ApiProblem ? error.title : t('error.title');
  return <Alert type="error" showIcon message={title} description={<ProblemText error={error} />} />;
}
