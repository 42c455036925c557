import { ReferenceKind, type EntityClass, type EntityMetadata, type MetadataStorage, type Platform } from '@mikro-orm/core';

type Row = Record<string, unknown>;

/** How one property of a record is read from a database row. */
interface Step {
  property: string;
  read(row: Row): unknown;
}

interface Plan {
  prototype: object;
  steps: Step[];
}

/** Plans per ORM (its metadata), built once per record class. */
const plansByMetadata = new WeakMap<MetadataStorage, Map<string, Plan>>();

/**
 * Turns database rows into read-only records of an entity class for the GraphQL layer,
 * without MikroORM's identity map, change-set snapshots and reference propagation: answering
 * a query needs the values, and the ORM's bookkeeping cost as much as the rest of a request.
 * The records have the class's prototype (unions and interfaces resolve their type by it),
 * scalars converted by the property's own MikroORM type (timestamps to Date, like em.map),
 * and many-to-one properties as unloaded references that carry only the primary key, which
 * is all the resolvers read from them before asking a loader. Collections are left out: no
 * read path uses them. test/row-mapper.test.ts checks the result against em.map for every table.
 * Writes never see these records: they load their own through the EntityManager.
 */
export class RowMapper {
  private readonly plans: Map<string, Plan>;

  constructor(
    private readonly metadata: MetadataStorage,
    private readonly platform: Platform,
  ) {
    let plans = plansByMetadata.get(metadata);
    if (!plans) plansByMetadata.set(metadata, (plans = new Map()));
    this.plans = plans;
  }

  map<T extends object>(cls: EntityClass<T>, row: Row): T {
    const plan = this.planFor(cls.name);
    const record = Object.create(plan.prototype) as Record<string, unknown>;
    for (const step of plan.steps) {
      const value = step.read(row);
      // Defined, not assigned: MikroORM puts setters on entity prototypes that start its change tracking.
      if (value !== undefined) Object.defineProperty(record, step.property, { value, writable: true, enumerable: true, configurable: true });
    }
    return record as T;
  }

  private planFor(className: string): Plan {
    let plan = this.plans.get(className);
    if (!plan) {
      const meta = this.metadata.get(className);
      plan = { prototype: meta.class.prototype, steps: meta.props.flatMap((p) => this.stepsFor(p)) };
      this.plans.set(className, plan);
    }
    return plan;
  }

  private stepsFor(prop: EntityMetadata['props'][number]): Step[] {
    if (prop.persist === false || !prop.fieldNames?.length) return [];
    const column = prop.fieldNames[0];
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = prop.customType;
      const platform = this.platform;
      if (type) return [{ property: prop.name, read: (row) => (row[column] == null ? row[column] : type.convertToJSValue(row[column], platform)) }];
      // Timestamps arrive as text (MikroORM's pg type parsers); em.map turns them into Dates.
      if (prop.runtimeType === 'Date') return [{ property: prop.name, read: (row) => (typeof row[column] === 'string' ? platform.parseDate(row[column] as string) : row[column]) }];
      return [{ property: prop.name, read: (row) => row[column] }];
    }
    if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
      const target = this.metadata.get(prop.type);
      const key = target.primaryKeys[0];
      return [
        {
          property: prop.name,
          read: (row) => {
            const id = row[column];
            if (id == null) return id; // null stays null; a column the query did not select stays unset
            return Object.create(target.class.prototype, { [key]: { value: id, writable: true, enumerable: true, configurable: true } });
          },
        },
      ];
    }
    return [];
  }
}
