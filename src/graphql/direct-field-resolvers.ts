import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/*
 * type-graphql answers each @FieldResolver call through a handler that looks the resolver
 * instance up in its container (a linear search over every resolver class), sorts the
 * parameter metadata, maps each parameter, checks the values for promises and runs the
 * middleware chain, empty here: for a page of 100 entities with `country`, 100 times per
 * request, and as much for each participation's `action` on an entity page.
 *
 * A field resolver whose parameters are only @Root(), @Ctx() and @Info(), without middlewares
 * or roles (policy-kb has none, nor global ones), is called directly instead: the same method
 * of one instance of its class, with the same arguments. A root that is not an instance of the
 * @Root() parameter's class, which type-graphql would convert, goes to type-graphql's handler.
 */

type Method = (...params: unknown[]) => unknown;
type ParamSource = 'root' | 'context' | 'info';

/** Where each parameter comes from, in order; null when a parameter is of another kind. */
function sourcesOf(params: readonly { kind: string; index: number; propertyName?: string }[]): ParamSource[] | null {
  const sorted = [...params].sort((a, b) => a.index - b.index);
  const sources: ParamSource[] = [];
  for (const p of sorted) {
    if ((p.kind !== 'root' && p.kind !== 'context' && p.kind !== 'info') || p.propertyName) return null;
    sources.push(p.kind);
  }
  return sources;
}

/** A resolver calling `method` on `instance` with the parameters from `sources`. */
function directCall(instance: object, method: Method, sources: readonly ParamSource[]): GraphQLFieldResolver<unknown, unknown> {
  // Every field resolver that qualifies today takes (root, context): no array per call for it.
  if (sources.join(',') === 'root,context') return (root, _args, context) => method.call(instance, root, context);
  return (root, _args, context, info) => method.apply(instance, sources.map((s) => (s === 'root' ? root : s === 'context' ? context : info)));
}

/** Replaces type-graphql's handler of every field resolver that qualifies (see above) in `schema`; returns their "Type.field" names. */
export function callFieldResolversDirectly(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  const replaced: string[] = [];
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.middlewares?.length || def.roles?.length || !def.getObjectType) continue;
    const resolverClass = def.target as new () => object;
    if (resolverClass.length !== 0) continue; // type-graphql's default container builds it with no arguments too
    const sources = sourcesOf(def.params ?? []);
    if (!sources) continue;
    const objectClass = def.getObjectType();
    const typeName = storage.objectTypes.find((t) => t.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[def.schemaName] : undefined;
    const original = field?.resolve;
    if (!field || !original) continue;
    let instance = instances.get(resolverClass);
    if (!instance) instances.set(resolverClass, (instance = new resolverClass()));
    const method = (instance as Record<string, unknown>)[def.methodName] as Method;
    const rootParam = (def.params ?? []).find((p) => p.kind === 'root') as { getType?: () => unknown } | undefined;
    const rootClass = rootParam?.getType?.();
    const direct = directCall(instance, method, sources);
    field.resolve =
      typeof rootClass === 'function'
        ? (root, args, context, info) => (root instanceof rootClass ? direct(root, args, context, info) : original(root, args, context, info))
        : direct;
    replaced.push(`${typeName}.${def.schemaName}`);
  }
  return replaced;
}
