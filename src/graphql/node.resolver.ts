import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../modules/auth/role';
import type { Context } from './context';
import { fetchNode } from './fetch-node';
import { Node } from './node';


@ObjectType('Viewer', { description: 'Who is calling.' })
export class ViewerType {
  @Field(() => String, { nullable: true, description: 'The API key name; null for anonymous callers.' })
  name!: string | null;

  @Field(() => Role, { description: 'What the caller may do.' })
  role!: Role;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id, in the order asked; null where there is none.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids, answered in the same order.' }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }

  @Query(() => ViewerType, { description: 'Who the caller is (reads are open; writes need an API key).' })
  viewer(@Ctx() ctx: Context): ViewerType {
    return { name: ctx.viewer.name, role: ctx.viewer.role as Role };
  }
}
