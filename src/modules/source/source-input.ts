import { IsDateString, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar, URLScalar } from '../../graphql/scalars';
import { SourceKind } from './source-kind';

@InputType('SourceInput', { description: 'A cited document; sources are matched by URL, so citing a known URL reuses it.' })
export class SourceInput {
  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  kind!: SourceKind;

  @Field(() => URLScalar, { description: 'Where the document is (http or https).' })
  @MaxLength(2000)
  url!: string;

  @Field({ description: 'Title or a plain description of the document.' })
  @MaxLength(1000)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  @IsOptional()
  @MaxLength(500)
  publisher?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  @IsOptional()
  @IsDateString()
  publishedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was read.' })
  @IsOptional()
  @IsDateString()
  retrievedOn?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'An archived copy.' })
  @IsOptional()
  @MaxLength(2000)
  archiveUrl?: string | null;
}
