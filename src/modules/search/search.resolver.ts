import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { matchMany } from './match.service';
import { search } from './search.service';
import { EntityMatch, MatchInput, SearchHit, SearchType } from './search.types';

export const MAX_QUERY_LENGTH = 500;
export const MAX_BATCH = 100;

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', `must be between 1 and 100, got ${first}`);
}

function checkThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) throw badInput('threshold', `must be between 0 and 1, got ${threshold}`);
}

function checkName(argument: string, name: string): void {
  if (!name.trim()) throw badInput(argument, 'must not be empty or only white space');
  if (name.length > MAX_QUERY_LENGTH) throw badInput(argument, `must be at most ${MAX_QUERY_LENGTH} characters, got ${name.length}`);
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Ranked search over names, aliases, titles and summaries; typo- and transliteration-tolerant.' })
  search(
    @Arg('query', { description: `What to look for: a name in any script, a citation, a code (at most ${MAX_QUERY_LENGTH} characters).` }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Kinds of record to search; all when omitted.' }) types: SearchType[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many hits, 1-100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    checkName('query', query);
    checkFirst(first);
    return search(ctx, query, types?.length ? types : Object.values(SearchType), first);
  }

  @Query(() => [EntityMatch], { description: 'Screening: entities whose names match the input, best first, with a score in [0, 1] and an explanation.' })
  async match(
    @Arg('input', () => MatchInput, { description: 'The name to screen, with optional hints.' }) input: MatchInput,
    @Arg('threshold', () => Float, { defaultValue: 0.5, description: 'Lowest score returned.' }) threshold: number,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many matches, 1-100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<EntityMatch[]> {
    checkName('input.name', input.name);
    checkThreshold(threshold);
    checkFirst(first);
    const [matches] = await matchMany(ctx, [input], threshold, first);
    return matches;
  }

  @Query(() => [[EntityMatch]], { description: `Up to ${MAX_BATCH} names at once, answers in input order.` })
  matchMany(
    @Arg('inputs', () => [MatchInput], { description: 'The names to screen (at most 100), answered in input order.' }) inputs: MatchInput[],
    @Arg('threshold', () => Float, { defaultValue: 0.5, description: 'Lowest score returned.' }) threshold: number,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many matches per input, 1-100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<EntityMatch[][]> {
    if (inputs.length > MAX_BATCH) throw badInput('inputs', `takes at most ${MAX_BATCH} names per call, got ${inputs.length}`);
    inputs.forEach((input, i) => checkName(`inputs[${i}].name`, input.name));
    checkThreshold(threshold);
    checkFirst(first);
    return matchMany(ctx, inputs, threshold, first);
  }
}
