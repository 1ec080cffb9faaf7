import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';

/**
 * Says that a write went through, with the portal's own snackbar: call the
 * returned function with the message after the server has answered 2xx.
 */
export function useWriteConfirmation(): (message: string) => void {
  const alertApi = useApi(alertApiRef);
  return useCallback(
    (message: string) =>
      alertApi.post({ message, severity: 'success', display: 'transient' }),
    [alertApi],
  );
}
