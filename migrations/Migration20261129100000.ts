import { Migration } from '@mikro-orm/migrations';

/*
 * The graph walk's statements (src/modules/analysis/graph-sql.ts: roots, levels, edges) as
 * plpgsql functions that always run one generic plan, kept for the session:
 *
 *   set plan_cache_mode = force_generic_plan
 *   set jit = off
 *
 * As prepared statements, PostgreSQL planned them again on every run (a custom plan: the
 * generic one looked dearer, since it cannot see how many keys the arrays hold), and planning
 * these unions of a dozen branches costs more than running them: measured at 1M entities,
 * 3 ms of planning per level against 1 ms (level 1) and 11 ms (level 2) of running. Run as
 * one generic plan each, level 1 went from 4.6 to 1.4-2.0 ms, level 2 from 20 to 11-16 ms and
 * the edges from 7-10 to 6.5-8 ms; at 10k, 4.5 -> 1.2, 10 -> 8 and 8.5 -> 5.3 ms. The roots'
 * statement ran in 0.05 ms after 0.8 ms of planning.
 * The generic plan is safe here because every branch starts with a one-time filter on its
 * array (cardinality(k_x) > 0, checked before the branch runs), so an empty array costs
 * nothing whatever the plan, and every non-empty one is read through an index on its key.
 *
 * jit is off because the generic plan's estimated cost passes jit_above_cost at 1M (about
 * 100,000, with arrays assumed to hold 10 keys): PostgreSQL then spent 164 ms compiling a
 * statement that runs in 2 ms.
 *
 * The bodies are the statements as they were in graph-sql.ts, their named parameters turned
 * into the arguments: k_* the keys of the roots, of the frontier (level) or of every node
 * (edges), one array per type; in_* the keys already in the drawing; per_kind and room as
 * described there. Column references win over the function's own names (#variable_conflict
 * use_column). The arrays go straight into each branch rather than through a one-row CTE,
 * which hid their values from the planner. What the branches read, and why:
 *
 * graph_level: one branch per kind of edge, reading what the edge's far end is; the near end
 * is in the frontier, hence already in the drawing. Where a node can have thousands of
 * neighbours (a rule's participants, a country's letters, an authority's or a list's actions,
 * a category's entities) a branch reads only its first per_kind distinct nodes in the walk's
 * order, and per_kind is maxNodes + 1 (graph.service.ts): the nodes a branch holds before a
 * node the walk takes are either new ones the walk takes first (fewer than room) or nodes
 * already in the drawing (maxNodes - room at most), so the first maxNodes + 1 reach it. That
 * needs each node once per branch (per key, for the branches read key by key): a rule's
 * participants and a country's actions are made distinct before the cut (an entity in two of
 * the frontier's rules, or in two roles, is one node); the other branches are distinct per key
 * by their tables' keys. Authorities, lists and categories are read one key at a time (unnest + lateral), each
 * through its (key, id) index in id order: with `key = any(array) order by id`, PostgreSQL 15
 * walked the whole id-ordered primary key instead, filtering on the key (a category's
 * entities: 20 ms of a 33 ms level at 1M). Each key's first per_kind rows hold the first
 * per_kind of all keys together, so the walk takes the same nodes. A participant is a country
 * or a live entity, checked by a scalar subquery (an index probe per row), because as a join
 * or EXISTS the planner hashed the whole entity table for a few hundred participants (5 ms of
 * a 13 ms level at 10k). Labels: name or title, '(deleted)' when gone, and an entity id merged
 * away reads the entity it was merged into, as graph-sql's ROOTS_SQL does.
 *
 * graph_edges: each edge comes once (the tables' unique keys leave no duplicates to remove).
 * An action's countries are read action by action through the (action_id, country_code)
 * index of live country rows: as one scan, PostgreSQL intersected the countries' 130,000
 * participations with the actions' at 1M (25 ms, against 2 ms this way).
 */
/** The keys of some nodes, one array per type (graph-sql.ts: KeyArrays). */
const KEYS = 'k_entities int[], k_actions int[], k_countries bpchar[], k_authorities int[], k_lists int[], k_categories int[]';
const NODE_ROWS = 'node_type text, node_ikey int, node_skey text, node_label text';

/** A function that returns `query`'s rows, run as one generic plan per session without JIT (see above). */
const genericPlanFunction = (signature: string, columns: string, query: string) => `create function ${signature}
    returns table (${columns})
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
    set jit = off
    as $$
    #variable_conflict use_column
    begin
      return query
${query};
    end
    $$;`;

/**
 * The label of the node in columns `<t>.type, <t>.ikey, <t>.skey`: name or title; '(deleted)'
 * when it is gone. An entity id merged away reads the entity it was merged into.
 */
const label = (t: string) => `coalesce(case ${t}.type
      when 'Entity' then (select x.name from entity x
        where x.id = coalesce((select r.to_id from entity_redirect r where r.from_id = ${t}.ikey), ${t}.ikey) and x.deleted_at is null)
      when 'GovernmentAction' then (select x.title from government_action x where x.id = ${t}.ikey and x.deleted_at is null)
      when 'Country' then (select x.name::text from country x where x.code = ${t}.skey)
      when 'Authority' then (select x.name::text from authority x where x.id = ${t}.ikey and x.deleted_at is null)
      when 'TechnologyCategory' then (select x.name::text from technology_category x where x.id = ${t}.ikey and x.deleted_at is null)
      when 'SanctionsList' then (select x.name::text from sanctions_list x where x.id = ${t}.ikey and x.deleted_at is null)
    end, '(deleted)')`;

export class Migration20261129100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(genericPlanFunction(`graph_roots(${KEYS})`, NODE_ROWS, `
      with v(type, ikey, skey) as (
        select 'Entity', x.id, null::text from entity x where cardinality(k_entities) > 0 and x.id = any(k_entities) and x.deleted_at is null
        union all
        select 'GovernmentAction', x.id, null from government_action x where cardinality(k_actions) > 0 and x.id = any(k_actions) and x.deleted_at is null
        union all
        select 'Country', null, x.code::text from country x where cardinality(k_countries) > 0 and x.code = any(k_countries)
        union all
        select 'Authority', x.id, null from authority x where cardinality(k_authorities) > 0 and x.id = any(k_authorities) and x.deleted_at is null
        union all
        select 'SanctionsList', x.id, null from sanctions_list x where cardinality(k_lists) > 0 and x.id = any(k_lists) and x.deleted_at is null
        union all
        select 'TechnologyCategory', x.id, null from technology_category x where cardinality(k_categories) > 0 and x.id = any(k_categories) and x.deleted_at is null
      )
      select v.type, v.ikey, v.skey, ${label('v')} as label from v`));
    this.addSql(genericPlanFunction(`graph_level(
      ${KEYS},
      in_entities int[], in_actions int[], in_countries text[], in_authorities int[], in_lists int[], in_categories int[],
      per_kind int, room int)`, NODE_ROWS, `
      with n(type, ikey, skey) as (
        select 'GovernmentAction', p.action_id, null::text
        from participation p join government_action a on a.id = p.action_id join entity e on e.id = p.entity_id
        where cardinality(k_entities) > 0 and p.entity_id = any(k_entities) and p.deleted_at is null and a.deleted_at is null and e.deleted_at is null
        union all
        select 'Entity', x.id, null
        from entity_relation r join entity f on f.id = r.from_id join entity t on t.id = r.to_id
        cross join lateral (values (r.from_id), (r.to_id)) x(id)
        where cardinality(k_entities) > 0 and (r.from_id = any(k_entities) or r.to_id = any(k_entities)) and f.deleted_at is null and t.deleted_at is null
        union all
        select 'TechnologyCategory', et.technology_category_id, null
        from entity_technology et join technology_category t on t.id = et.technology_category_id
        where cardinality(k_entities) > 0 and et.entity_id = any(k_entities) and t.deleted_at is null
        union all
        -- A rule's participants: countries first, then entities by id, as the walk takes them.
        select ap.type, ap.entity_id, ap.country_code::text from (
          select distinct case when p.entity_id is null then 'Country' else 'Entity' end as type, p.entity_id, p.country_code
          from participation p join government_action a on a.id = p.action_id
          where cardinality(k_actions) > 0 and p.action_id = any(k_actions) and p.deleted_at is null and a.deleted_at is null and (p.entity_id is null or (select e.deleted_at is null from entity e where e.id = p.entity_id))
          order by p.country_code nulls last, p.entity_id limit per_kind) ap
        union all
        select 'GovernmentAction', x.id, null
        from action_relation r join government_action f on f.id = r.from_id join government_action t on t.id = r.to_id
        cross join lateral (values (r.from_id), (r.to_id)) x(id)
        where cardinality(k_actions) > 0 and (r.from_id = any(k_actions) or r.to_id = any(k_actions)) and f.deleted_at is null and t.deleted_at is null
        union all
        select o.type, o.id, null
        from government_action a
        cross join lateral (values ('Authority', a.authority_id), ('SanctionsList', a.list_id)) o(type, id)
        where cardinality(k_actions) > 0 and a.id = any(k_actions) and a.deleted_at is null and o.id is not null
        union all
        select * from (
          select distinct 'GovernmentAction', p.action_id, null::text
          from participation p join government_action a on a.id = p.action_id
          where cardinality(k_countries) > 0 and p.country_code = any(k_countries) and p.deleted_at is null and a.deleted_at is null
          order by p.action_id limit per_kind) cp
        union all
        select 'GovernmentAction', x.id, null::text
        from unnest(k_authorities) k(id) cross join lateral (
          select a.id from government_action a where a.authority_id = k.id and a.deleted_at is null order by a.id limit per_kind) x
        where cardinality(k_authorities) > 0
        union all
        select 'GovernmentAction', x.id, null::text
        from unnest(k_lists) k(id) cross join lateral (
          select a.id from government_action a where a.list_id = k.id and a.deleted_at is null order by a.id limit per_kind) x
        where cardinality(k_lists) > 0
        union all
        select 'Entity', x.entity_id, null::text
        from unnest(k_categories) k(id) cross join lateral (
          select et.entity_id from entity_technology et join entity e on e.id = et.entity_id
          where et.technology_category_id = k.id and e.deleted_at is null order by et.entity_id limit per_kind) x
        where cardinality(k_categories) > 0
      ),
      fresh as (
        select n.type, n.ikey, n.skey from n
        where case n.type
          when 'Entity' then n.ikey <> all(in_entities)
          when 'GovernmentAction' then n.ikey <> all(in_actions)
          when 'Country' then n.skey <> all(in_countries)
          when 'Authority' then n.ikey <> all(in_authorities)
          when 'SanctionsList' then n.ikey <> all(in_lists)
          when 'TechnologyCategory' then n.ikey <> all(in_categories)
        end
        group by n.type, n.ikey, n.skey
        order by n.type collate "C", n.ikey, n.skey collate "C"
        limit room
      )
      select f.type, f.ikey, f.skey, ${label('f')} as label
      from fresh f
      order by f.type collate "C", f.ikey, f.skey collate "C"`));
    this.addSql(genericPlanFunction(`graph_edges(${KEYS})`, 'source_type text, source_key int, target_type text, target_ikey int, target_skey text, edge_kind text', `
      select 'GovernmentAction' as st, p.action_id as s, 'Entity' as tt, p.entity_id as t, null::text as tk, p.role as kind
      from participation p join government_action a on a.id = p.action_id
      where cardinality(k_actions) > 0 and cardinality(k_entities) > 0 and p.action_id = any(k_actions) and p.entity_id = any(k_entities)
        and p.deleted_at is null and a.deleted_at is null and (p.entity_id is null or (select e.deleted_at is null from entity e where e.id = p.entity_id))
      union all
      -- Countries apart from entities, action by action through the (action_id, country_code) index
      -- of live country rows: as one scan, PostgreSQL intersected the countries' 130,000
      -- participations with the actions' at 1M (25 ms, against 2 ms this way).
      select 'GovernmentAction', x.action_id, 'Country', null, x.country_code::text, x.role
      from unnest(k_actions) k(id) join government_action a on a.id = k.id and a.deleted_at is null
      cross join lateral (
        select p.action_id, p.country_code, p.role from participation p
        where p.action_id = k.id and p.country_code is not null and p.deleted_at is null and p.country_code = any(k_countries)) x
      where cardinality(k_actions) > 0 and cardinality(k_countries) > 0
      union all
      select 'GovernmentAction', a.id, 'Authority', a.authority_id, null, 'ISSUED_BY'
      from government_action a where cardinality(k_actions) > 0 and a.id = any(k_actions) and a.authority_id = any(k_authorities) and a.deleted_at is null
      union all
      select 'GovernmentAction', a.id, 'SanctionsList', a.list_id, null, 'ON_LIST'
      from government_action a where cardinality(k_lists) > 0 and a.id = any(k_actions) and a.list_id = any(k_lists) and a.deleted_at is null
      union all
      select 'GovernmentAction', r.from_id, 'GovernmentAction', r.to_id, null, r.kind
      from action_relation r where cardinality(k_actions) > 0 and r.from_id = any(k_actions) and r.to_id = any(k_actions)
      union all
      select 'Entity', r.from_id, 'Entity', r.to_id, null, r.kind
      from entity_relation r where cardinality(k_entities) > 0 and r.from_id = any(k_entities) and r.to_id = any(k_entities)
      union all
      select 'Entity', et.entity_id, 'TechnologyCategory', et.technology_category_id, null, 'IN_CATEGORY'
      from entity_technology et where cardinality(k_categories) > 0 and et.entity_id = any(k_entities) and et.technology_category_id = any(k_categories)`));
  }
  override async down(): Promise<void> {
    this.addSql(`drop function graph_level(int[], int[], bpchar[], int[], int[], int[], int[], int[], text[], int[], int[], int[], int, int);`);
    this.addSql(`drop function graph_edges(int[], int[], bpchar[], int[], int[], int[]);`);
    this.addSql(`drop function graph_roots(int[], int[], bpchar[], int[], int[], int[]);`);
  }
}
