// The public check of a certificate by number and verification code (no sign-in): one request
// function and one query hook. A 404 is an answer here (no such certificate), not a failure.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../lib/api';
import { useLocale } from '../../../lib/locale';

export const verifyCertificate = (number: string, code: string) => call(api.GET('/api/public/certificates/verify', { params: { query: { number, code } } }));
export type Verification = Awaited<ReturnType<typeof verifyCertificate>>;

export function useVerification(number: string, code: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['verify', number, code, locale],
    queryFn: () => verifyCertificate(number, code),
    enabled: number !== '' && code !== '',
    retry: false,
    meta: { quiet: true },
  });
}
