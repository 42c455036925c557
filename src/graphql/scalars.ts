import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isKnownCountryCode } from '../modules/country/iso-countries';

/**
 * Scalars reject bad values with plain errors: graphql-js then wraps them with the location
 * of the value ("Expected value of type ..."), and format-error.ts turns that into a
 * BAD_USER_INPUT error naming the argument. (A GraphQLError thrown here would lose both.)
 */
function invalid(message: string): TypeError {
  return new TypeError(message);
}

function stringLiteral(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw invalid(`${scalar} must be given as a string`);
  return ast.value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" and checks the day exists (no 2021-02-30). */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string') throw invalid('Date must be a string "YYYY-MM-DD"');
  const m = ISO_DATE.exec(value);
  if (!m) throw invalid(`Date must be "YYYY-MM-DD", got "${value}"`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() + 1 !== Number(m[2]) || d.getUTCDate() !== Number(m[3])) {
    throw invalid(`Date "${value}" is not a calendar date`);
  }
  return value;
}

function serializeDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  throw new GraphQLError(`Date cannot represent ${String(value)}`);
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (no time, no time zone).',
  serialize: serializeDate,
  parseValue: parseIsoDate,
  parseLiteral: (ast) => parseIsoDate(stringLiteral(ast, 'Date')),
});

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: 'An instant, ISO 8601 with offset ("2019-10-09T00:00:00.000Z").',
});

/** Parses an absolute http(s) URL and returns it as a string. */
export function parseHttpUrl(value: unknown): string {
  if (typeof value !== 'string') throw invalid('URL must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`URL "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`URL must be http(s), got "${url.protocol}"`);
  return value;
}

export const URLScalar = new GraphQLScalarType<string, string>({
  name: 'URL',
  description: 'An absolute http(s) URL.',
  serialize: (value) => String(value),
  parseValue: parseHttpUrl,
  parseLiteral: (ast) => parseHttpUrl(stringLiteral(ast, 'URL')),
});

/** Accepts any case, answers upper case; unknown codes are rejected, not silently empty. */
export function parseCountryCode(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) {
    throw invalid(`CountryCode must be an ISO 3166-1 alpha-2 code such as "CN", got ${JSON.stringify(value)}`);
  }
  const code = value.toUpperCase();
  if (!isKnownCountryCode(code)) throw invalid(`CountryCode "${value}" is not an ISO 3166-1 alpha-2 code`);
  return code;
}

export const CountryCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CountryCode',
  description: 'ISO 3166-1 alpha-2 country code, upper case ("CN", "US"); an unknown code is a BAD_USER_INPUT error.',
  serialize: (value) => String(value),
  parseValue: parseCountryCode,
  parseLiteral: (ast) => parseCountryCode(stringLiteral(ast, 'CountryCode')),
});
