import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from './context';
import { decodeGlobalId } from './global-id';
import { Node } from './node';
import { load } from './reference-loaders';
import { Participation } from '../modules/action/participation.entity';

export enum Role {
  READER = 'READER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What a caller may do: read; also write; also manage keys.' });

@ObjectType('Viewer', { description: 'Who is calling.' })
export class ViewerType {
  @Field(() => String, { nullable: true, description: 'The API key name; null for anonymous callers.' })
  name!: string | null;

  @Field(() => Role, { description: 'What the caller may do.' })
  role!: Role;
}

/** Fetches any object by global id, whatever its type. */
async function fetchNode(ctx: Context, id: string): Promise<Node | null> {
  const decoded = decodeGlobalId(id);
  if (!decoded) return null;
  const key = decoded.key;
  const found = await (() => {
    switch (decoded.type) {
      case 'Entity':
        return load.entity(ctx, key as number);
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

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id, in the order asked; null where there is none.' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }

  @Query(() => ViewerType, { description: 'Who the caller is (reads are open; writes need an API key).' })
  viewer(@Ctx() ctx: Context): ViewerType {
    return { name: ctx.viewer.name, role: ctx.viewer.role as Role };
  }
}
