import { AppError } from '../../src-shared/api/errors.ts';
import type { AccessTokenSource } from '../channels/access-token-source.ts';

/** Until channel sign-in is wired into the core, uploads wait with this clear reason. */
export const unavailableTokenSource: AccessTokenSource = {
  getAccessToken() {
    return Promise.reject(
      new AppError('no_token_source', 'Channel sign-in is not available in this build yet.', true),
    );
  },
  invalidate() {},
};
