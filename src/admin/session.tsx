// Who is signed in. The provider asks the server once on start (GET /api/v1/auth/me) and keeps
// the user and the CSRF token; any later 401 drops the session and shows the login page again.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setPasswordChangeRequiredHandler, setUnauthorizedHandler, ApiError } from './api.ts';
import type { SessionResponse, SessionUser } from './api.types.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Re-reads the user after a change (e.g. the password was changed). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const probe = useCallback(async () => {
    try {
      const me = await api.get<SessionResponse>('/api/v1/auth/me', { expectUnauthorized: true });
      setCsrfToken(me.csrfToken);
      setState({ status: 'signed-in', user: me.user });
    } catch (e) {
      setCsrfToken(null);
      const notice = e instanceof ApiError && e.status !== 401 ? e.message : undefined;
      setState({ status: 'anonymous', notice });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', notice: '登录已失效，请重新登录。' });
    });
    // The server holds every call until a reset password is changed: ask /me again, which
    // brings up the forced change-password dialog.
    setPasswordChangeRequiredHandler(() => void probe());
    void probe();
    return () => {
      setUnauthorizedHandler(null);
      setPasswordChangeRequiredHandler(null);
    };
  }, [probe]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      async login(username, password) {
        const res = await api.post<SessionResponse>('/api/v1/auth/login', { username, password }, { expectUnauthorized: true });
        setCsrfToken(res.csrfToken);
        // Ask once more through /me: it is the authority on mustChangePassword for this session.
        const me = await api.get<SessionResponse>('/api/v1/auth/me', { expectUnauthorized: true }).catch(() => res);
        setCsrfToken(me.csrfToken);
        setState({ status: 'signed-in', user: me.user });
        return me.user;
      },
      async logout() {
        try {
          await api.post('/api/v1/auth/logout', undefined, { expectUnauthorized: true });
        } finally {
          setCsrfToken(null);
          setState({ status: 'anonymous' });
        }
      },
      refresh: probe,
    }),
    [state, probe],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}
