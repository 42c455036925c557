import { Participation } from '../modules/action/participation.entity';
import { EntityService } from '../modules/entity/entity.service';
import type { Context } from './context';
import { decodeGlobalId, DecodedId } from './global-id';
import type { Node } from './node';
import { load } from './reference-loaders';

/** Fetches any object by decoded global id through the request's loaders; null if deleted or unknown. */
export async function fetchDecoded(ctx: Context, decoded: DecodedId): Promise<Node | null> {
  const key = decoded.key;
  const found = await (() => {
    switch (decoded.type) {
      case 'Entity':
        return new EntityService(ctx).byId(key as number);
      case 'GovernmentAction':
        return load.action(ctx, key as number);
      case 'Country':
        return load.country(ctx, key as string);
      case 'Authority':
        return load.authority(ctx, key as number);
      case 'SanctionsList':
        return load.list(ctx, key as number);
      case 'TechnologyCategory':
        return load.technology(ctx, key as number);
      case 'Source':
        return load.source(ctx, key as number);
      case 'Participation':
        return ctx.loaders.byKey<Participation, number>(Participation, 'participation').load(key as number);
      default:
        return null;
    }
  })();
  const record = found as (Node & { deletedAt?: Date | null }) | null;
  return record && !record.deletedAt ? record : null;
}

/** Fetches any object by global id, whatever its type. */
export function fetchNode(ctx: Context, id: string): Promise<Node | null> {
  const decoded = decodeGlobalId(id);
  return decoded ? fetchDecoded(ctx, decoded) : Promise.resolve(null);
}
