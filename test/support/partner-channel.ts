// A partner organisation selling an owner's event through a partner channel named "Agency", set
// up through the engine's services (no HTTP), for tests of what the owner sees of partner sales.
import type { EngineContext } from '../../engine/src/context.ts';
import type { Principal } from '../../engine/src/errors.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import type { SeededEvent } from './engine.ts';
import { uniqueName } from './services.ts';

type Allocation = Parameters<EngineContext['channels']['allocate']>[3];

/**
 * Creates the partner organisation and its channel on `owner`'s event, allocates `allocation` to
 * it, and forgets the cached event so the next request sees the channel.
 * @example const partner = await seedPartnerChannel(ctx, owner, { seats: ['R1-1'] });
 */
export async function seedPartnerChannel(
  ctx: EngineContext,
  owner: SeededEvent,
  allocation: Allocation,
): Promise<Principal> {
  const org = await createOrganisation(ctx.db, { name: uniqueName('partner') });
  const channel = await ctx.channels.create(owner.secret, owner.eventId, {
    kind: 'partner',
    name: 'Agency',
    partnerOrgId: org.id,
  });
  await ctx.channels.allocate(owner.secret, owner.eventId, channel.id, allocation);
  ctx.catalog.invalidate(owner.eventId);
  return { orgId: org.id, kind: 'secret', keyId: 'k_partner' };
}
