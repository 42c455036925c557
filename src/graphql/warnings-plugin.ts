import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/** Adds the request's warnings (see filter-checks.ts) to the response's `extensions.warnings`. */
export const warningsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.warnings.length || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, warnings: contextValue.warnings };
      },
    };
  },
};
