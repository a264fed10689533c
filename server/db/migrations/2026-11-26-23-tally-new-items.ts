import { sql, type Kysely } from 'kysely'

// A batch of new items is written in one statement (server/domain/submit.ts): `submit_all_inserted`
// fails it, rolling back its numbers, when a row was skipped as already there.
//
// New items are counted once per statement, not once per row: a batch of a hundred items adds
// its facts and its sums in two statements (the row trigger of migration 21 ran tally_item, a
// dozen statements, for each). A new item has no dispatch and no answer yet (both refer to it),
// so its facts are its own columns. The sums are locked in one order, that of their keys.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/\n\n(?=create |drop )/)) await sql.raw(statement).execute(db)
}

const UP = `
create function tally_inserted() returns trigger language plpgsql as $f$
begin
  insert into item_facts
  select n.id, (n.received_at at time zone 'Asia/Shanghai')::date, n.unit_id, n.entry_point_id, n.category, n.status, n.rating, n.is_proposal,
    false, false, 0, 0, null, '{}', null
  from new_items n;

  insert into item_tallies as t
  select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, false, count(*),
    count(*) filter (where f.status = 'submitted'), count(*) filter (where f.status = 'accepted'),
    count(*) filter (where f.status = 'dispatched'), count(*) filter (where f.status = 'reported'),
    count(*) filter (where f.status = 'replied'), count(*) filter (where f.status = 'closed'),
    count(*) filter (where f.status = 'merged'), count(*) filter (where f.status = 'declined'),
    count(*) filter (where f.rating = 'satisfied'), count(*) filter (where f.rating = 'basically'), count(*) filter (where f.rating = 'unsatisfied'),
    count(*) filter (where f.is_proposal), 0, 0, 0
  from (select (n.received_at at time zone 'Asia/Shanghai')::date as day, n.* from new_items n) f
  cross join lateral (values ('d'::"char", f.day), ('m'::"char", date_trunc('month', f.day)::date), ('y'::"char", date_trunc('year', f.day)::date)) g(grain, period)
  group by f.unit_id, f.entry_point_id, f.category, g.grain, g.period
  order by f.unit_id, f.entry_point_id, f.category, g.grain, g.period
  on conflict (grain, period, unit_id, entry_point_id, category, has_dispatch) do update set
    received = t.received + excluded.received,
    s_submitted = t.s_submitted + excluded.s_submitted, s_accepted = t.s_accepted + excluded.s_accepted,
    s_dispatched = t.s_dispatched + excluded.s_dispatched, s_reported = t.s_reported + excluded.s_reported,
    s_replied = t.s_replied + excluded.s_replied, s_closed = t.s_closed + excluded.s_closed,
    s_merged = t.s_merged + excluded.s_merged, s_declined = t.s_declined + excluded.s_declined,
    r_satisfied = t.r_satisfied + excluded.r_satisfied, r_basically = t.r_basically + excluded.r_basically,
    r_unsatisfied = t.r_unsatisfied + excluded.r_unsatisfied,
    proposals = t.proposals + excluded.proposals;
  return null;
end
$f$;

create function submit_all_inserted(inserted bigint, expected integer) returns boolean language plpgsql as $f$
begin
  if inserted <> expected then
    raise exception 'not_inserted: % of % items inserted', inserted, expected using errcode = 'YJ409';
  end if;
  return true;
end
$f$;

drop trigger suggestions_tally_insert on suggestions;

create trigger suggestions_tally_insert after insert on suggestions referencing new table as new_items
  for each statement execute function tally_inserted();
`

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger suggestions_tally_insert on suggestions`.execute(db)
  await sql`drop function tally_inserted()`.execute(db)
  await sql`drop function submit_all_inserted(bigint, integer)`.execute(db)
  await sql`create trigger suggestions_tally_insert after insert on suggestions for each row execute function tally_item_trigger()`.execute(db)
}
