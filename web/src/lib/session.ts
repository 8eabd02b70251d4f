// Who is signed in: the bearer token and the user it names, kept in sessionStorage (gone when
// the tab closes). The API client sends the token; a 401 ends the session.
import { storedValue } from './store';

export interface SessionUser {
  id: string;
  name: string;
  roles: readonly string[];
  organisationId: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

export const sessionStore = storedValue<Session | null>(() => sessionStorage, 'tl.session', (raw) => {
  if (!raw) return null;
  const s = JSON.parse(raw) as Partial<Session>;
  return typeof s.token === 'string' && s.user && typeof s.user.id === 'string' ? (s as Session) : null;
});
export const useSession = () => sessionStore.use();
