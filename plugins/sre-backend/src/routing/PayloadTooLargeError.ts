import { CustomErrorBase } from '@backstage/errors';

/**
 * A request body over its configured size: 413, which Backstage's error
 * handler takes from `statusCode` (it has no named error for it).
 */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}
