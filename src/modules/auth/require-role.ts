import type { Context } from '../../graphql/context';
import { domainError } from '../../graphql/errors';

/** Writes need an EDITOR or ADMIN key: none is UNAUTHENTICATED, a READER key FORBIDDEN. */
export function requireEditor(ctx: Context): string {
  if (!ctx.viewer.name) {
    throw domainError('UNAUTHENTICATED', 'Changes need an API key with the EDITOR or ADMIN role: send "Authorization: Bearer <key>"', { http: { status: 401 } });
  }
  if (ctx.viewer.role !== 'EDITOR' && ctx.viewer.role !== 'ADMIN') {
    throw domainError('FORBIDDEN', `The key "${ctx.viewer.name}" has the ${ctx.viewer.role} role; changes need EDITOR or ADMIN`, { http: { status: 403 } });
  }
  return ctx.viewer.name;
}
