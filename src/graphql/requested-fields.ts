import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a client selected under the field being resolved, or under the
 * child fields named by `path` (fragments expanded, directives ignored), so a resolver can plan
 * one statement for exactly those.
 */
export function requestedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = level.flatMap((node) => fieldsOf(info, node.selectionSet).filter((f) => f.name.value === name));
  return new Set(level.flatMap((node) => fieldsOf(info, node.selectionSet).map((f) => f.name.value)));
}

/** The nodes of the child fields called `name` under the field being resolved (fragments expanded, aliases kept). */
export function selectedFieldNodes(info: GraphQLResolveInfo, name: string): FieldNode[] {
  return info.fieldNodes.flatMap((node) => fieldsOf(info, node.selectionSet).filter((f) => f.name.value === name));
}

/** The fields of a selection set, fragments expanded (each named fragment once). */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(info, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(info, info.fragments[selection.name.value]?.selectionSet, seen));
    }
  }
  return fields;
}

/** The fields selected on the nodes of a connection, through `nodes { … }` and `edges { node { … } }`. */
export function requestedNodeFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([...requestedFields(info, ['nodes']), ...requestedFields(info, ['edges', 'node'])]);
}
