import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';

/** Researchers read the docs pane in GraphiQL: every type, field, argument and enum value is described. */
describe('schema.graphql', () => {
  it('describes every type, field and argument', () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));
    const undescribed: string[] = [];
    for (const [name, type] of Object.entries(schema.getTypeMap())) {
      if (name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) undescribed.push(`type ${name}`);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const [fieldName, field] of Object.entries(type.getFields())) {
          if (!field.description) undescribed.push(`${name}.${fieldName}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) undescribed.push(`${name}.${fieldName}(${arg.name})`);
        }
      }
      if (isEnumType(type) && !type.description) undescribed.push(`enum ${name}`);
    }
    expect(undescribed).toEqual([]);
  });
});
