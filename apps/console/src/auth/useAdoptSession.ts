import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useNotify } from 'react-admin';
import type { TokenPair } from '@tandem/contracts';
import { revokeSession } from '../providers/authProvider';
import { saveSession } from '../providers/session';

/**
 * Take over a session the API answered outside the login form (an accepted invitation, a
 * switch of role): the previous session of this browser is revoked, the new one saved, and
 * every cached answer dropped — permissions, menu checks and records all belonged to the
 * previous role. Then the home page, with a message.
 */
export function useAdoptSession(): (pair: TokenPair, message: string) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  return useCallback(
    async (pair: TokenPair, message: string) => {
      await revokeSession();
      saveSession(pair);
      navigate('/');
      await queryClient.resetQueries();
      notify(message, { type: 'success' });
    },
    [navigate, notify, queryClient],
  );
}
