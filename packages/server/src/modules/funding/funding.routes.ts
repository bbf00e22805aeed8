import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/context.ts';
import { budgetRoutes } from './budgets/budgets.routes.ts';
import { contractRoutes } from './contracts/contracts.routes.ts';
import { donationRoutes } from './donations/donations.routes.ts';

/** The centre's money beside case subsidies (issue 16): budget lines, donations, purchased services. */
export function fundingRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    await app.register(budgetRoutes(deps));
    await app.register(donationRoutes(deps));
    await app.register(contractRoutes(deps));
  };
}
