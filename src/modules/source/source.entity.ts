import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../db/base-record';
import { Node } from '../../graphql/node';
import { toGlobalId } from '../../graphql/global-id';
import { DateScalar, URLScalar } from '../../graphql/scalars';
import { SourceKind } from './source-kind';

/** A document, keyed by its URL, that actions, entities and relations cite. */
@Entity({ tableName: 'source' })
@ObjectType('Source', {
  implements: Node,
  description: 'Provenance: every action and entity cites where its facts come from.',
})
export class Source extends BaseRecord {
  static readonly graphqlName = 'Source';

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  @Enum({ items: () => SourceKind })
  kind!: SourceKind;

  @Field(() => URLScalar, { description: 'Where the document is.' })
  @Property({ type: 'text', unique: true })
  url!: string;

  @Field({ description: 'Title or a plain description of the document.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it ("Federal Register").' })
  @Property({ nullable: true })
  publisher?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When policy-kb last read it.' })
  @Property({ type: 'date', nullable: true })
  retrievedOn?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'An archived copy.' })
  @Property({ type: 'text', nullable: true })
  archiveUrl?: string | null;

  override get nodeId(): string {
    return toGlobalId('Source', this.id);
  }
}
