import type { Operation } from '../shared/engine';
import { mauticRequest } from '../shared/transport';
import { withCompanySegmentsApi } from './companySegmentsApi';

/** The operation, run behind the Mautic 7.2 check (see withCompanySegmentsApi). */
export function gated(operation: Operation): Operation {
	const { request, output, run, value, name, action, description, properties } = operation;
	return {
		value,
		name,
		action,
		description,
		properties,
		run: async (ctx, itemIndex) =>
			await withCompanySegmentsApi(ctx, itemIndex, async () => {
				if (run) return await run(ctx, itemIndex);
				const response = await mauticRequest(ctx, await request!(ctx, itemIndex), itemIndex);
				return output ? output(response, ctx, itemIndex) : (response.body as never);
			}),
	};
}
