import { Arg, Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionTypes, Page } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { DateTimeScalar } from '../../graphql/scalars';
import { decodeGlobalId, toGlobalId } from '../../graphql/global-id';
import { PageArgs } from '../../graphql/page-args';
import { paginate } from '../../graphql/paginate';
import { pageOf } from '../../graphql/nested-page';

/** One audit record, as the API shows it. */
@ObjectType('Revision', { description: 'One change to a record: who, when, what kind, and the field-level before/after.' })
export class RevisionView {
  constructor(row: Record<string, unknown>) {
    this.revisionId = Number(row.id);
    this.at = row.at as Date;
    this.actor = String(row.actor);
    this.operation = String(row.operation);
    this.changesJson = JSON.stringify(row.changes ?? {});
  }

  readonly revisionId: number;
  private readonly changesJson: string;

  @Field(() => ID, { description: 'Opaque id of the revision.' })
  get id(): string {
    return toGlobalId('Revision', this.revisionId);
  }

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  readonly at: Date;

  @Field({ description: 'Who made it: the API key name, or "seed" / "import".' })
  readonly actor: string;

  @Field({ description: 'create, update, delete, restore, merge or relate.' })
  readonly operation: string;

  @Field({ description: 'Field -> [before, after], as a JSON object.' })
  get changes(): string {
    return this.changesJson;
  }
}

export const { ConnectionType: RevisionConnection } = connectionTypes(RevisionView, 'Revision', 'revision');

const AUDITED = new Set(['Entity', 'GovernmentAction', 'Source', 'Participation']);

@Resolver()
export class HistoryResolver {
  @Query(() => RevisionConnection, { description: 'Audit trail of one entity, action or source, newest first.' })
  history(@Arg('id', () => ID, { description: 'Global id of an entity, action, source or participation.' }) id: string, @Args() page: PageArgs, @Ctx() ctx: Context): Promise<Page<unknown>> {
    const decoded = decodeGlobalId(id);
    if (!decoded || !AUDITED.has(decoded.type)) return Promise.resolve(Page.empty());
    const base = ctx.knex('revision').select('*').where({ subject_type: decoded.type, subject_id: decoded.key });
    return paginate<Record<string, unknown>>(ctx.knex, { base, sort: [{ column: 'id', direction: 'desc' }], toNode: (row) => new RevisionView(row) }, pageOf(page));
  }
}

