import { ReferenceKind, type EntityClass, type EntityMetadata, type MetadataStorage, type Platform } from '@mikro-orm/core';

type Row = Record<string, unknown>;

/** How one property of a record is read from a database row. */
interface Step {
  property: string;
  read(row: Row): unknown;
}

interface Plan {
  /** Makes an empty record: its prototype chain reaches the entity class's. */
  create: new () => Record<string, unknown>;
  steps: Step[];
}

/**
 * A constructor of plain records that are instances of an entity class. MikroORM puts a setter
 * on the entity's prototype for every property, which starts its change tracking when a
 * property is assigned; an intermediate prototype shadows those with plain data properties,
 * so assigning a value just creates the record's own property (and V8 keeps one shape).
 */
function recordClass(entityPrototype: object, properties: string[]): new () => Record<string, unknown> {
  const shadow = Object.create(entityPrototype) as object;
  for (const property of properties) Object.defineProperty(shadow, property, { value: undefined, writable: true, enumerable: false, configurable: true });
  const PlainRecord = function (this: unknown) {} as unknown as new () => Record<string, unknown>;
  PlainRecord.prototype = shadow;
  return PlainRecord;
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

  /**
   * `prefix` reads the record from prefixed columns (`__a_title` for `title`): a record joined
   * into another table's rows, read without copying its columns into a row of its own.
   */
  map<T extends object>(cls: EntityClass<T>, row: Row, prefix = ''): T {
    const plan = this.planFor(cls.name, prefix);
    const record = new plan.create();
    for (const step of plan.steps) {
      const value = step.read(row);
      if (value !== undefined) record[step.property] = value;
    }
    return record as T;
  }

  private planFor(className: string, prefix: string): Plan {
    const key = prefix ? `${className}:${prefix}` : className;
    let plan = this.plans.get(key);
    if (!plan) {
      const meta = this.metadata.get(className);
      const steps = meta.props.flatMap((p) => this.stepsFor(p, prefix));
      plan = { create: recordClass(meta.class.prototype, steps.map((s) => s.property)), steps };
      this.plans.set(key, plan);
    }
    return plan;
  }

  private stepsFor(prop: EntityMetadata['props'][number], prefix: string): Step[] {
    if (prop.persist === false || !prop.fieldNames?.length) return [];
    const column = prefix + prop.fieldNames[0];
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
      const referenceOf = recordClass(target.class.prototype, [key]);
      return [
        {
          property: prop.name,
          read: (row) => {
            const id = row[column];
            if (id == null) return id; // null stays null; a column the query did not select stays unset
            const reference = new referenceOf();
            reference[key] = id;
            return reference;
          },
        },
      ];
    }
    return [];
  }
}
