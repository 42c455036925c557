import { validate, ValidationError } from 'class-validator';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('UserError', { description: 'A problem with the input that the caller can fix; nothing was written.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "participants", "2", "entity"].' })
  field!: string[] | null;

  @Field({ description: 'What is wrong and how to fix it.' })
  message!: string;

  @Field({ description: 'BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version, taken slug) or FORBIDDEN.' })
  code!: string;
}

export function userError(field: (string | number)[] | null, message: string, code = 'BAD_USER_INPUT'): UserError {
  return Object.assign(new UserError(), { field: field ? field.map(String) : null, message, code });
}

/** Thrown inside a mutation to abort its transaction and answer with these user errors. */
export class UserInputProblem extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }

  static of(field: (string | number)[] | null, message: string, code?: string): UserInputProblem {
    return new UserInputProblem([userError(field, message, code)]);
  }
}

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((e) => {
    const here = [...path, e.property];
    const own = Object.values(e.constraints ?? {}).map((message) => userError(here, message));
    return [...own, ...flatten(e.children ?? [], here)];
  });
}

/** class-validator's checks on an input object, as user errors under `root`. */
export async function validateInput(input: object, root: string): Promise<UserError[]> {
  return flatten(await validate(input, { forbidUnknownValues: false, skipMissingProperties: false }), [root]);
}
