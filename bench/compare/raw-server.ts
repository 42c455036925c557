/**
 * The raw-SQL baseline of `npm run bench`: a bare node:http server and a pg Pool (max 10, like
 * policy-kb's), one route per operation (`POST /op/<name>` with the variables as the JSON body),
 * hand-written SQL that builds the same JSON answer as policy-kb (`{"data": {...}}`, same
 * fields, rows and order) in PostgreSQL, sent as it comes. No GraphQL, no ORM, no validation
 * beyond what the SQL needs: the ceiling for a Node server over this schema.
 *
 * Where the answer is only the nearest hand-written SQL gets to policy-kb's (search and match
 * score names in TypeScript in policy-kb), docs/benchmarks.md says so.
 *
 *   DATABASE_URL=postgres://... PORT=5679 node -r ts-node/register/transpile-only bench/compare/raw-server.ts
 *
 * Prints `listening <port>` on stdout when ready; stops on SIGTERM / SIGINT. It imports nothing
 * but node:http, pg and ./operations, so the harness can transpile it to plain JavaScript and run
 * it without ts-node (keeping ts-node's memory out of the RSS column).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { LEGAL_FORM_WORDS } from './operations';

/** The lowest pg_trgm word similarity a search candidate needs: policy-kb's session settings (src/db/mikro-orm.config.ts). */
const WORD_SIMILARITY_THRESHOLD = 0.3;
/** The same for strict word similarity (%>>), which search tries first. */
const STRICT_WORD_SIMILARITY_THRESHOLD = 0.5;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('connect', (client) => {
  client
    .query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}; set pg_trgm.strict_word_similarity_threshold = ${STRICT_WORD_SIMILARITY_THRESHOLD}`)
    .catch(() => undefined);
});
pool.on('error', (error) => console.error('idle client error:', error.message));

type Vars = Record<string, unknown>;

/** Runs a statement whose one row has one column, `body`: the response text. */
async function body(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ body: string }>(sql, params);
  return rows[0].body;
}

// ---------------------------------------------------------------------------------------------
// entityPage: one statement.

const ENTITY_PAGE = `
with found as (
  (select e.* from entity e where e.slug = $1 and e.deleted_at is null)
  union all
  (select e.* from entity_redirect r join entity e on e.id = r.to_id
   where r.from_slug = $1 and e.deleted_at is null
     and not exists (select 1 from entity x where x.slug = $1 and x.deleted_at is null))
  limit 1
)
select json_build_object('data', json_build_object('entity', (
  select json_build_object(
    'slug', e.slug, 'name', e.name, 'aliases', to_json(e.aliases), 'kind', e.kind,
    'country', (select json_build_object('code', c.code, 'name', c.name) from country c where c.code = e.country_code),
    'participations', json_build_object(
      'totalCount', (select count(*)::int from participation p join government_action a on a.id = p.action_id
                     where p.entity_id = e.id and p.deleted_at is null and a.deleted_at is null),
      'nodes', coalesce((
        select json_agg(json_build_object('role', x.role, 'grounds', x.grounds,
                 'action', json_build_object('slug', x.slug, 'kind', x.kind, 'title', x.title, 'occurredOn', x.occurred_on,
                                             'authority', json_build_object('name', x.authority)))
               order by x.occurred_on desc, x.id desc)
        from (select p.id, p.role, p.grounds, a.slug, a.kind, a.title, a.occurred_on, au.name as authority
              from participation p
              join government_action a on a.id = p.action_id
              join authority au on au.id = a.authority_id
              where p.entity_id = e.id and p.deleted_at is null and a.deleted_at is null
              order by a.occurred_on desc, p.id desc
              limit 50) x), '[]'::json)))
  from found e)))::text as body`;

// ---------------------------------------------------------------------------------------------
// entityList100: one statement (the count, from the entity_count rollup as policy-kb reads it,
// and the page).

const ENTITY_LIST = `
select json_build_object('data', json_build_object('entities', json_build_object(
  -- $1 is typed by its first use: compare the rollup's text key with it cast, so the page's
  -- char(2) comparison below keeps its index.
  'totalCount', (select coalesce(sum(n), 0)::int from entity_count ec where ec.kind = $2 and ec.country_code = $1::char(2)::text),
  'nodes', coalesce((
    select json_agg(json_build_object('slug', x.slug, 'name', x.name, 'kind', x.kind,
             'country', case when x.country_code is null then null else json_build_object('code', x.country_code) end)
           order by x.name, x.id)
    from (select e.id, e.slug, e.name, e.kind, e.country_code from entity e
          where e.deleted_at is null and e.kind = $2 and e.country_code = $1
          order by e.name, e.id limit $3) x), '[]'::json))))::text as body`;

// ---------------------------------------------------------------------------------------------
// timelineMonth: one statement, every month from the first to the last, from the action_count
// rollup (live actions per month, kind, authority and list) as policy-kb reads it.

const TIMELINE = `
with f as (select ac.month as occurred_on, ac.n from action_count ac where ac.kind = $1),
series as (
  select generate_series(date_trunc('month', min(occurred_on)::timestamp), date_trunc('month', max(occurred_on)::timestamp), '1 month'::interval) as start from f
),
counts as (select date_trunc('month', occurred_on::timestamp) as start, sum(n)::int as n from f group by 1)
select json_build_object('data', json_build_object('timeline', json_build_object(
  'total', (select coalesce(sum(n), 0)::int from f),
  'buckets', coalesce((select json_agg(json_build_object('start', s.start::date, 'count', coalesce(c.n, 0)) order by s.start)
                       from series s left join counts c on c.start = s.start), '[]'::json))))::text as body`;

// ---------------------------------------------------------------------------------------------
// actionStats: one statement, one pass over the yearly action_year_count rollup per facet
// (policy-kb reads the same rollup, all facets in one GROUPING SETS pass).

const ACTION_STATS = `
with fa as (select ac.kind, ac.authority_id, ac.year as occurred_on, ac.n from action_year_count ac)
select json_build_object('data', json_build_object('actionStats', json_build_object(
  'total', (select coalesce(sum(n), 0)::int from fa),
  'byKind', (select coalesce(json_agg(json_build_object('key', k.key, 'count', k.n) order by k.n desc, k.key), '[]'::json)
             from (select fa.kind as key, sum(fa.n)::int as n from fa group by fa.kind) k),
  'byAuthority', (select coalesce(json_agg(json_build_object('key', k.key, 'label', k.label, 'count', k.n) order by k.n desc, k.key), '[]'::json)
                  from (select au.slug as key, au.name as label, sum(fa.n)::int as n from fa join authority au on au.id = fa.authority_id
                        group by au.slug, au.name) k),
  'byYear', (select coalesce(json_agg(json_build_object('key', k.key, 'count', k.n) order by k.key), '[]'::json)
             from (select extract(year from fa.occurred_on)::int::text as key, sum(fa.n)::int as n from fa group by 1) k))))::text as body`;

// ---------------------------------------------------------------------------------------------
// graphDepth2: the same breadth-first walk as policy-kb (src/modules/analysis/graph.service.ts),
// one statement per level that returns only the new nodes (sorted and cut at maxNodes in SQL),
// then one that returns the whole answer: the edges whose both ends are in the drawing (which is
// what policy-kb's level-by-level edge collection amounts to) and the labels.

type GraphType = 'Authority' | 'Country' | 'Entity' | 'GovernmentAction' | 'SanctionsList' | 'TechnologyCategory';
interface NodeRef {
  type: GraphType;
  key: string;
}

export const GRAPH_NEIGHBOURS = `
with n(type, ikey, skey) as (
  select 'GovernmentAction', p.action_id, null::text
  from participation p join government_action a on a.id = p.action_id join entity e on e.id = p.entity_id
  where p.entity_id = any($1::int[]) and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null
  union all
  select 'Entity', x.id, null
  from entity_relation r join entity f on f.id = r.from_id join entity t on t.id = r.to_id
  cross join lateral (values (r.from_id), (r.to_id)) x(id)
  where (r.from_id = any($1::int[]) or r.to_id = any($1::int[])) and f.deleted_at is null and t.deleted_at is null
  union all
  select 'TechnologyCategory', et.technology_category_id, null
  from entity_technology et join technology_category t on t.id = et.technology_category_id
  where et.entity_id = any($1::int[]) and t.deleted_at is null
  union all
  select case when p.entity_id is null then 'Country' else 'Entity' end, p.entity_id, p.country_code::text
  from participation p join government_action a on a.id = p.action_id left join entity e on e.id = p.entity_id
  where p.action_id = any($2::int[]) and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null
  union all
  select 'GovernmentAction', x.id, null
  from action_relation r join government_action f on f.id = r.from_id join government_action t on t.id = r.to_id
  cross join lateral (values (r.from_id), (r.to_id)) x(id)
  where (r.from_id = any($2::int[]) or r.to_id = any($2::int[])) and f.deleted_at is null and t.deleted_at is null
  union all
  select 'Authority', a.authority_id, null from government_action a where a.id = any($2::int[]) and a.deleted_at is null
  union all
  select 'SanctionsList', a.list_id, null from government_action a where a.id = any($2::int[]) and a.deleted_at is null and a.list_id is not null
  union all
  select 'GovernmentAction', p.action_id, null
  from participation p join government_action a on a.id = p.action_id
  where p.country_code = any($3::bpchar[]) and p.deleted_at is null and a.deleted_at is null
  union all
  select 'GovernmentAction', a.id, null from government_action a where a.authority_id = any($4::int[]) and a.deleted_at is null
  union all
  select 'GovernmentAction', a.id, null from government_action a where a.list_id = any($5::int[]) and a.deleted_at is null
  union all
  select 'Entity', et.entity_id, null
  from entity_technology et join entity e on e.id = et.entity_id
  where et.technology_category_id = any($6::int[]) and e.deleted_at is null
)
select n.type, coalesce(n.ikey::text, n.skey) as key
from n left join unnest($7::text[]) inc(k) on inc.k = n.type || ':' || coalesce(n.ikey::text, n.skey)
where inc.k is null
group by n.type, n.ikey, n.skey
order by n.type collate "C", n.ikey, n.skey
limit $8`;

const gid = (type: string, key: string) => `rtrim(translate(encode(convert_to(${type} || ':' || ${key}, 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '=')`;

export const GRAPH_ANSWER = `
with nodes as (select t.type, t.key, t.ord from unnest($7::text[], $8::text[]) with ordinality t(type, key, ord)),
labelled as (
  select n.ord, n.type, n.key, coalesce(case n.type
    when 'Entity' then (select x.name from entity x where x.id = n.key::int and x.deleted_at is null)
    when 'GovernmentAction' then (select x.title from government_action x where x.id = n.key::int and x.deleted_at is null)
    when 'Country' then (select x.name::text from country x where x.code = n.key)
    when 'Authority' then (select x.name::text from authority x where x.id = n.key::int and x.deleted_at is null)
    when 'TechnologyCategory' then (select x.name::text from technology_category x where x.id = n.key::int and x.deleted_at is null)
    when 'SanctionsList' then (select x.name::text from sanctions_list x where x.id = n.key::int and x.deleted_at is null)
  end, '(deleted)') as label
  from nodes n
),
edges(st, s, tt, t, kind) as (
  select 'GovernmentAction', p.action_id::text, case when p.entity_id is null then 'Country' else 'Entity' end,
         coalesce(p.entity_id::text, p.country_code::text), p.role
  from participation p join government_action a on a.id = p.action_id left join entity e on e.id = p.entity_id
  where p.action_id = any($2::int[]) and (p.entity_id = any($1::int[]) or p.country_code = any($3::bpchar[]))
    and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null
  union all
  select 'Entity', r.from_id::text, 'Entity', r.to_id::text, r.kind from entity_relation r
  where r.from_id = any($1::int[]) and r.to_id = any($1::int[])
  union all
  select 'Entity', et.entity_id::text, 'TechnologyCategory', et.technology_category_id::text, 'IN_CATEGORY' from entity_technology et
  where et.entity_id = any($1::int[]) and et.technology_category_id = any($6::int[])
  union all
  select 'GovernmentAction', r.from_id::text, 'GovernmentAction', r.to_id::text, r.kind from action_relation r
  where r.from_id = any($2::int[]) and r.to_id = any($2::int[])
  union all
  select 'GovernmentAction', a.id::text, 'Authority', a.authority_id::text, 'ISSUED_BY' from government_action a
  where a.id = any($2::int[]) and a.authority_id = any($4::int[]) and a.deleted_at is null
  union all
  select 'GovernmentAction', a.id::text, 'SanctionsList', a.list_id::text, 'ON_LIST' from government_action a
  where a.id = any($2::int[]) and a.list_id = any($5::int[]) and a.deleted_at is null
)
select json_build_object('data', json_build_object('graph', json_build_object(
  'truncated', $9::boolean,
  'nodes', (select coalesce(json_agg(json_build_object('id', ${gid('l.type', 'l.key')}, 'type', l.type, 'label', l.label) order by l.ord), '[]'::json) from labelled l),
  'edges', (select coalesce(json_agg(json_build_object('source', ${gid('d.st', 'd.s')}, 'target', ${gid('d.tt', 'd.t')}, 'kind', d.kind)), '[]'::json)
            from (select distinct st, s, tt, t, kind from edges) d))))::text as body`;

/** The statement parameters $1-$6: keys per node type. */
export function keysByType(nodes: readonly NodeRef[]): unknown[] {
  const of = (type: GraphType) => nodes.filter((n) => n.type === type).map((n) => n.key);
  return [of('Entity'), of('GovernmentAction'), of('Country'), of('Authority'), of('SanctionsList'), of('TechnologyCategory')];
}

async function graph(vars: Vars): Promise<string> {
  const depth = Number(vars.depth ?? 1);
  const maxNodes = Number(vars.maxNodes ?? 500);
  const rootId = Number(vars.entityId);
  const { rows: live } = await pool.query<{ id: number }>('select id from entity where id = $1 and deleted_at is null', [rootId]);
  const included = new Map<string, NodeRef>();
  for (const r of live.slice(0, maxNodes)) included.set(`Entity:${r.id}`, { type: 'Entity', key: String(r.id) });
  let truncated = false;
  let frontier = [...included.values()];
  for (let level = 0; level < depth && frontier.length; level++) {
    const room = maxNodes - included.size;
    const { rows } = await pool.query<{ type: GraphType; key: string }>(GRAPH_NEIGHBOURS, [...keysByType(frontier), [...included.keys()], room + 1]);
    if (rows.length > room) truncated = true;
    frontier = rows.slice(0, room).map((r) => ({ type: r.type, key: r.key }));
    for (const n of frontier) included.set(`${n.type}:${n.key}`, n);
  }
  const nodes = [...included.values()];
  return body(GRAPH_ANSWER, [...keysByType(nodes), nodes.map((n) => n.type), nodes.map((n) => n.key), truncated]);
}

// ---------------------------------------------------------------------------------------------
// search and match: policy-kb's candidate SQL, with its TypeScript scoring redone in SQL (the
// nearest SQL gets: accents folded by unaccent instead of transliterated; legal-form words
// dropped by exact list only; no Double Metaphone, see docs/benchmarks.md).

const LEGAL_SQL = `array[${LEGAL_FORM_WORDS.map((w) => `'${w}'`).join(',')}]::text[]`;

/** normalizeText in SQL: accents off, lower case, runs of anything else to one space, trimmed. */
const normSql = (x: string) => `trim(regexp_replace(lower(unaccent(${x})), '[^a-z0-9]+', ' ', 'g'))`;
/** nameTokens in SQL: the words of the normalized text, legal-form words dropped unless nothing else is left. */
const tokensSql = (x: string) =>
  `(select coalesce(nullif(array_agg(w order by i) filter (where w <> all(${LEGAL_SQL})), '{}'), array_agg(w order by i))
    from unnest(string_to_array(${normSql(x)}, ' ')) with ordinality u(w, i) where w <> '')`;

function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function nameTokens(text: string): string[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const distinctive = words.filter((w) => !LEGAL_FORM_WORDS.includes(w));
  return distinctive.length ? distinctive : words;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const ACTION_DOCUMENT = `to_tsvector('english', coalesce(a.title, '') || ' ' || coalesce(a.summary, '') || ' ' || coalesce(a.citation, '') || ' ' || coalesce(a.document_number, ''))`;
const round3 = (x: string) => `round(least(1, greatest(0, ${x}))::numeric, 3)::float8`;

/**
 * How close a candidate must be: policy-kb searches "close" first (pg_trgm's strict word
 * similarity, %>>, and 0.5 for the small tables), and "loose" (%>, 0.3) only when the close pass
 * finds nothing of any type.
 */
type Closeness = 'close' | 'loose';
const OPERATOR: Record<Closeness, string> = { close: '%>>', loose: '%>' };
const NAMED_MIN_SCORE: Record<Closeness, number> = { close: 0.5, loose: 0.3 };

/** One reference table's search (policy-kb's searchNamed). */
function namedSearch(closeness: Closeness, typeIndex: number, typename: string, table: string, exact: string[], text: string[], deletable: boolean): string {
  const score = [
    ...exact.map((c) => `case when lower(t.${c}) = lower($3) then 1 else 0 end`),
    ...text.map((c) => `word_similarity($1, lower(coalesce(t.${c}, '')))`),
    ...text.map((c) => `case when t.${c} ilike $4 then 0.7 else 0 end`),
  ];
  const matched = `coalesce(${exact.map((c) => `case when lower(t.${c}) = lower($3) then t.${c}::text end`).join(', ')}, t.name::text)`;
  return `(select ${typeIndex} as type_index, row_number() over (order by s.score desc) as rank, ${round3('s.score')} as score, s.matched,
      json_build_object('__typename', '${typename}') as node
    from (select greatest(${score.join(', ')}) as score, ${matched} as matched from ${table} t ${deletable ? 'where t.deleted_at is null' : ''}) s
    where s.score >= ${NAMED_MIN_SCORE[closeness]} order by s.score desc limit $5)`;
}

/** Every type's hits in one statement: $1 normalized text, $2 compact key, $3 raw text, $4 LIKE pattern, $5 first. */
function searchSql(closeness: Closeness): string {
  const op = OPERATOR[closeness];
  // policy-kb orders the matching actions by this score in SQL, keeps the first $5, and sorts them again by the rounded score in TypeScript.
  const actionScore = `case when act.citation ilike $4 then (case when lower(act.citation) = lower($3) then 1 else 0.95 end)
      when act.document_number ilike $4 then (case when lower(act.document_number) = lower($3) then 1 else 0.95 end)
      when act.title_sim >= act.rank * 0.8 then act.title_sim * 0.9
      else 0.4 + 0.4 * act.rank end`;
  return `
with ent as (
  select e.id, e.slug, e.name, e.aliases,
    greatest(word_similarity($1, e.search_text), word_similarity($2, e.search_text),
      case when to_tsvector('simple', coalesce(e.search_text, '')) @@ plainto_tsquery('simple', $1) then 0.75 else 0 end) as db
  from entity e
  where e.deleted_at is null
    and (e.search_text ${op} $1 or e.search_text ${op} $2 or to_tsvector('simple', coalesce(e.search_text, '')) @@ plainto_tsquery('simple', $1))
  order by db desc, e.id
  limit $5
),
act as (
  select a.id, a.slug, a.title, a.citation, a.document_number,
    word_similarity($1, lower(a.title)) as title_sim,
    least(1, ts_rank_cd(${ACTION_DOCUMENT}, plainto_tsquery('english', $3)) * 5) as rank
  from government_action a
  where a.deleted_at is null
    and (${ACTION_DOCUMENT} @@ plainto_tsquery('english', $3) or lower(a.title) ${op} $1 or a.citation ilike $4 or a.document_number ilike $4)
),
act_top as (
  select act.*, ${actionScore} as exact_score from act order by ${actionScore} desc, act.id limit $5
),
act_scored as (
  select t.id, t.slug, t.title, t.exact_score,
    ${round3(`case when strpos(lower(t.citation), lower($3)) > 0 then case when lower(t.citation) = lower($3) then 1 else 0.95 end
      when strpos(lower(t.document_number), lower($3)) > 0 then case when lower(t.document_number) = lower($3) then 1 else 0.95 end
      when t.title_sim >= t.rank * 0.8 then t.title_sim * 0.9
      else 0.4 + 0.4 * t.rank end`)} as score,
    case when strpos(lower(t.citation), lower($3)) > 0 then 'citation: ' || t.citation
      when strpos(lower(t.document_number), lower($3)) > 0 then 'documentNumber: ' || t.document_number
      when t.title_sim >= t.rank * 0.8 then 'title: ' || t.title
      else 'summary or title words: ' || t.title end as matched
  from act_top t
),
hits as (
  (select 0 as type_index, row_number() over (order by ent.db desc, ent.id) as rank,
     ${round3('case when b.sim = 1 then 1 else greatest(ent.db * 0.9, b.sim * 0.95) end')} as score, b.name as matched,
     json_build_object('__typename', 'Entity', 'slug', ent.slug, 'name', ent.name) as node
   from ent cross join lateral (
     select n.name, case when ${normSql('n.name')} = $1 or array_to_string(${tokensSql('n.name')}, '') = $2 then 1
       else greatest(similarity(${normSql('n.name')}, $1), similarity(array_to_string(${tokensSql('n.name')}, ''), $2)) end as sim
     from unnest(array[ent.name] || ent.aliases) with ordinality n(name, i)
     order by 2 desc nulls last, n.i limit 1) b)
  union all
  (select 1, row_number() over (order by s.score desc, s.exact_score desc, s.id), s.score, s.matched,
     json_build_object('__typename', 'GovernmentAction', 'slug', s.slug, 'title', s.title)
   from act_scored s)
  union all ${namedSearch(closeness, 2, 'Country', 'country', ['code', 'alpha3'], ['name', 'official_name'], false)}
  union all ${namedSearch(closeness, 3, 'TechnologyCategory', 'technology_category', ['slug'], ['name', 'description'], true)}
  union all ${namedSearch(closeness, 4, 'Authority', 'authority', ['slug', 'abbreviation'], ['name'], true)}
  union all ${namedSearch(closeness, 5, 'SanctionsList', 'sanctions_list', ['slug'], ['name', 'description'], true)}
)
select (select count(*)::int from hits) as n,
  json_build_object('data', json_build_object('search', coalesce((
    select json_agg(json_build_object('score', h.score, 'matched', h.matched, 'node', h.node) order by h.score desc, h.type_index, h.rank)
    from (select * from hits order by score desc, type_index, rank limit $5) h), '[]'::json)))::text as body`;
}

export const SEARCH_CLOSE = searchSql('close');
export const SEARCH_LOOSE = searchSql('loose');

async function search(vars: Vars): Promise<string> {
  const raw = String(vars.q ?? '').trim();
  const first = Number(vars.first ?? 20);
  const params = [normalizeText(raw), nameTokens(raw).join(''), raw, likePattern(raw), first];
  const close = await pool.query<{ n: number; body: string }>(SEARCH_CLOSE, params);
  if (close.rows[0].n > 0) return close.rows[0].body;
  return body(SEARCH_LOOSE, params);
}

/** Candidates per name before scoring: policy-kb's CANDIDATES. */
const MATCH_CANDIDATES = 25;

export const MATCH = `
with c as (
  select e.id, e.slug, e.name, e.aliases, e.country_code from entity e
  where e.deleted_at is null and (e.search_text %> $1 or e.search_text %> $2)
  order by greatest(word_similarity($1, e.search_text), word_similarity($2, e.search_text)) desc, e.id
  limit ${MATCH_CANDIDATES}
),
scored as (
  select c.id, c.slug, c.name,
    ${round3(`b.score + case when $4::text is null or c.country_code is null then 0 when c.country_code = $4 then 0.05 else -0.2 end`)} as score
  from c cross join lateral (
    select case when k.key = $1 or k.compact = $2 then 1.0
      -- trigram 0.55, words 0.3, sound 0.15 (taken as equal to words: no Double Metaphone in SQL)
      else 0.55 * greatest(similarity(k.key, $1), similarity(k.compact, $2)) + 0.45 * (k.shared::float8 / (cardinality($3::text[]) + k.n - k.shared)) end as score
    from unnest(array[c.name] || c.aliases) n(name)
    cross join lateral (select ${tokensSql('n.name')} as tokens) tk
    cross join lateral (
      select array_to_string(tk.tokens, '') as compact,
        (select string_agg(w, ' ' order by w collate "C") from unnest(tk.tokens) w) as key,
        (select count(distinct w)::int from unnest(tk.tokens) w) as n,
        (select count(distinct w)::int from unnest(tk.tokens) w where w = any($3::text[])) as shared
    ) k
    order by 1 desc nulls last limit 1) b
)
select json_build_object('data', json_build_object('match', coalesce((
  select json_agg(json_build_object('score', s.score, 'entity', json_build_object('slug', s.slug, 'name', s.name)) order by s.score desc, s.id)
  from (select * from scored where score >= $5 order by score desc, id limit $6) s), '[]'::json)))::text as body`;

async function match(vars: Vars): Promise<string> {
  const tokens = nameTokens(String(vars.name ?? ''));
  const key = [...tokens].sort().join(' ');
  const country = typeof vars.country === 'string' && vars.country ? vars.country.toUpperCase() : null;
  return body(MATCH, [key, tokens.join(''), [...new Set(tokens)], country, Number(vars.threshold ?? 0.5), Number(vars.first ?? 10)]);
}

// ---------------------------------------------------------------------------------------------

const ROUTES: Record<string, (vars: Vars) => Promise<string>> = {
  entityPage: (v) => body(ENTITY_PAGE, [v.slug]),
  entityList100: (v) => body(ENTITY_LIST, [v.country, v.kind ?? 'COMPANY', Number(v.first ?? 100)]),
  timelineMonth: (v) => body(TIMELINE, [v.kind ?? 'LISTING']),
  actionStats: () => body(ACTION_STATS, []),
  graphDepth2: graph,
  search,
  match,
};

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const route = req.method === 'POST' && req.url?.startsWith('/op/') ? ROUTES[req.url.slice(4)] : undefined;
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no such route"}]}');
      return;
    }
    let vars: Vars;
    try {
      vars = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Vars) : {};
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"body is not JSON"}]}');
      return;
    }
    route(vars).then(
      (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text),
      (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
    );
  });
});

if (require.main === module) {
  const port = Number(process.env.PORT ?? 0);
  server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
