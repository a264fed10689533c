import { sql, type Kysely } from 'kysely'

// The union's figures at scale (shared/rates.ts defines them; server/domain/items/stats.ts
// reads them). Each item's contribution is kept in `item_facts` (one narrow row per item), and
// the sums of those rows are kept per China day, month and year of arrival (grain d, m, y; the
// period is the first day), unit, QR point and category, and whether the item has a dispatch
// (what a handler or leader of the top unit sees), in three tables:
// - item_tallies: counts by status and rating, proposals, items whose every dispatch was
//   completed, reported and on-time dispatches (items with a dispatch: the rows that have one);
// - item_open_tallies: open (unreported) dispatches and overdue items by the month of the
//   deadline (the earliest open deadline for an item), so "past its deadline now" is a sum over
//   past months plus a small live query for this month;
// - item_answer_tallies: the first answer's delay as a histogram (see answer_bucket).
// Triggers on suggestions, assignments and suggestion_events recount the item in the writing
// transaction: its facts now, minus the facts last counted, are added to the sums. The facts
// query exists twice, per item (tally_facts) and for every item at once (tally_rebuild); a test
// holds them equal. Status and rating names are written out here, not imported.
export async function up(db: Kysely<any>): Promise<void> {
  // One statement per call: PGlite's extended protocol takes one at a time.
  for (const statement of UP.split(/\n\n(?=create |select |--)/)) await sql.raw(statement).execute(db)
}

const UP = `
create table item_facts (
  suggestion_id uuid primary key references suggestions(id) on delete cascade,
  day date not null,
  unit_id uuid not null,
  entry_point_id uuid not null,
  category text not null,
  status text not null,
  rating text,
  is_proposal boolean not null,
  dispatched boolean not null,
  done boolean not null,
  reported integer not null,
  on_time integer not null,
  answer_bucket smallint,
  open_months date[] not null,
  overdue_month date
);

create table item_tallies (
  grain "char" not null check (grain in ('d', 'm', 'y')),
  period date not null,
  unit_id uuid not null,
  entry_point_id uuid not null,
  category text not null,
  has_dispatch boolean not null,
  received integer not null,
  s_submitted integer not null, s_accepted integer not null, s_dispatched integer not null, s_reported integer not null,
  s_replied integer not null, s_closed integer not null, s_merged integer not null, s_declined integer not null,
  r_satisfied integer not null, r_basically integer not null, r_unsatisfied integer not null,
  proposals integer not null,
  done integer not null,
  reported integer not null,
  on_time integer not null,
  primary key (grain, period, unit_id, entry_point_id, category, has_dispatch)
);

create table item_open_tallies (
  grain "char" not null check (grain in ('d', 'm', 'y')),
  period date not null,
  unit_id uuid not null,
  entry_point_id uuid not null,
  category text not null,
  deadline_month date not null,
  open_dispatches integer not null,
  overdue_items integer not null,
  primary key (grain, period, unit_id, entry_point_id, category, deadline_month)
);

create table item_answer_tallies (
  grain "char" not null check (grain in ('d', 'm', 'y')),
  period date not null,
  unit_id uuid not null,
  has_dispatch boolean not null,
  bucket smallint not null,
  items integer not null,
  primary key (grain, period, unit_id, has_dispatch, bucket)
);

-- The delay to a first answer, in steps: a tenth of a day below 10 days (0-99), half a day
-- below 30 days (100-139), a day below 120 days (140-229), and 230 for 120 days or more.
-- shared/rates.ts turns a step back into days (its lower bound).
create function answer_bucket(delay interval) returns smallint language sql immutable as $f$
  select (case
    when d is null then null
    when d < 864000 then floor(d / 8640)
    when d < 2592000 then 100 + floor((d - 864000) / 43200)
    when d < 10368000 then 140 + floor((d - 2592000) / 86400)
    else 230 end)::smallint
  from (select case when delay < interval '0' then 0 else extract(epoch from delay) end as d) x
$f$;

-- One item's facts as the tables hold them now (no row: the item is gone).
create function tally_facts(item uuid) returns setof item_facts language sql stable as $f$
  select s.id, (s.received_at at time zone 'Asia/Shanghai')::date, s.unit_id, s.entry_point_id, s.category, s.status, s.rating, s.is_proposal,
    a.n > 0, coalesce(a.done, false), a.reported::int, a.on_time::int,
    answer_bucket(e.first_answer - s.received_at),
    coalesce(a.open_months, '{}'), a.overdue_month
  from suggestions s
  cross join lateral (
    select count(*) as n,
      bool_and(x.outcome is not distinct from 'completed') as done,
      count(*) filter (where x.state = 'reported') as reported,
      count(*) filter (where x.reported_at <= x.deadline) as on_time,
      array_agg(date_trunc('month', x.deadline at time zone 'Asia/Shanghai')::date) filter (where x.state = 'open') as open_months,
      date_trunc('month', min(x.deadline) filter (where x.state = 'open') at time zone 'Asia/Shanghai')::date as overdue_month
    from assignments x where x.suggestion_id = s.id) a
  cross join lateral (
    select min(v.created_at) as first_answer from suggestion_events v
    where v.suggestion_id = s.id and v.kind in ('reply', 'decline')) e
  where s.id = item
$f$;

-- Adds (sign 1) or takes away (sign -1) one item's facts from the sums; sums that reach zero go.
create function tally_apply(f item_facts, sign integer) returns void language plpgsql as $f$
declare
  month date := date_trunc('month', f.day)::date;
  year date := date_trunc('year', f.day)::date;
begin
  insert into item_tallies as t
  select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, f.dispatched, sign,
    sign * (f.status = 'submitted')::int, sign * (f.status = 'accepted')::int, sign * (f.status = 'dispatched')::int, sign * (f.status = 'reported')::int,
    sign * (f.status = 'replied')::int, sign * (f.status = 'closed')::int, sign * (f.status = 'merged')::int, sign * (f.status = 'declined')::int,
    sign * (f.rating is not distinct from 'satisfied')::int, sign * (f.rating is not distinct from 'basically')::int, sign * (f.rating is not distinct from 'unsatisfied')::int,
    sign * f.is_proposal::int, sign * f.done::int, sign * f.reported, sign * f.on_time
  from (values ('d'::"char", f.day), ('m'::"char", month), ('y'::"char", year)) g(grain, period)
  on conflict (grain, period, unit_id, entry_point_id, category, has_dispatch) do update set
    received = t.received + excluded.received,
    s_submitted = t.s_submitted + excluded.s_submitted, s_accepted = t.s_accepted + excluded.s_accepted,
    s_dispatched = t.s_dispatched + excluded.s_dispatched, s_reported = t.s_reported + excluded.s_reported,
    s_replied = t.s_replied + excluded.s_replied, s_closed = t.s_closed + excluded.s_closed,
    s_merged = t.s_merged + excluded.s_merged, s_declined = t.s_declined + excluded.s_declined,
    r_satisfied = t.r_satisfied + excluded.r_satisfied, r_basically = t.r_basically + excluded.r_basically,
    r_unsatisfied = t.r_unsatisfied + excluded.r_unsatisfied,
    proposals = t.proposals + excluded.proposals,
    done = t.done + excluded.done, reported = t.reported + excluded.reported, on_time = t.on_time + excluded.on_time;

  if cardinality(f.open_months) > 0 then
    insert into item_open_tallies as t
    select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, o.m, sign * o.n::int, sign * (o.m = f.overdue_month)::int
    from (values ('d'::"char", f.day), ('m'::"char", month), ('y'::"char", year)) g(grain, period)
    cross join (select m, count(*) as n from unnest(f.open_months) m group by m) o
    on conflict (grain, period, unit_id, entry_point_id, category, deadline_month) do update set
      open_dispatches = t.open_dispatches + excluded.open_dispatches,
      overdue_items = t.overdue_items + excluded.overdue_items;
  end if;

  if f.answer_bucket is not null then
    insert into item_answer_tallies as t
    select g.grain, g.period, f.unit_id, f.dispatched, f.answer_bucket, sign
    from (values ('d'::"char", f.day), ('m'::"char", month), ('y'::"char", year)) g(grain, period)
    on conflict (grain, period, unit_id, has_dispatch, bucket) do update set items = t.items + excluded.items;
  end if;

  if sign < 0 then
    delete from item_tallies where received = 0 and (grain, period) in (('d', f.day), ('m', month), ('y', year))
      and unit_id = f.unit_id and entry_point_id = f.entry_point_id and category = f.category and has_dispatch = f.dispatched;
    delete from item_open_tallies where open_dispatches = 0 and (grain, period) in (('d', f.day), ('m', month), ('y', year))
      and unit_id = f.unit_id and entry_point_id = f.entry_point_id and category = f.category;
    delete from item_answer_tallies where items = 0 and (grain, period) in (('d', f.day), ('m', month), ('y', year))
      and unit_id = f.unit_id and has_dispatch = f.dispatched and bucket = f.answer_bucket;
  end if;
end
$f$;

-- Recounts one item: what it counts for now (nothing when it is being deleted), less what it
-- was last counted for.
create function tally_item(item uuid, deleting boolean) returns void language plpgsql as $f$
declare
  was item_facts;
  now_facts item_facts;
begin
  select * into was from item_facts where suggestion_id = item for update;
  if not deleting then
    select * into now_facts from tally_facts(item);
  end if;
  if was is not distinct from now_facts then return; end if;
  -- Sums are locked in the order of their keys, whichever comes and goes, so two items
  -- reclassified the opposite ways at once cannot deadlock.
  if was.suggestion_id is not null and now_facts.suggestion_id is not null
    and (now_facts.unit_id, now_facts.entry_point_id, now_facts.category, now_facts.day, now_facts.dispatched)
      < (was.unit_id, was.entry_point_id, was.category, was.day, was.dispatched) then
    perform tally_apply(now_facts, 1);
    perform tally_apply(was, -1);
  else
    if was.suggestion_id is not null then perform tally_apply(was, -1); end if;
    if now_facts.suggestion_id is not null then perform tally_apply(now_facts, 1); end if;
  end if;
  delete from item_facts where suggestion_id = item;
  if now_facts.suggestion_id is not null then
    insert into item_facts select now_facts.*;
  end if;
end
$f$;

create function tally_item_trigger() returns trigger language plpgsql as $f$
begin
  if tg_table_name = 'suggestions' then
    perform tally_item(case when tg_op = 'DELETE' then old.id else new.id end, tg_op = 'DELETE');
  else
    perform tally_item(case when tg_op = 'DELETE' then old.suggestion_id else new.suggestion_id end, false);
  end if;
  -- A row trigger before a delete must give the row back, or the delete is skipped.
  return case when tg_op = 'DELETE' then old else null end;
end
$f$;

create trigger suggestions_tally_insert after insert on suggestions for each row execute function tally_item_trigger();

create trigger suggestions_tally_update after update on suggestions for each row
  when ((old.status, old.rating, old.is_proposal, old.category, old.unit_id, old.entry_point_id, old.received_at)
    is distinct from (new.status, new.rating, new.is_proposal, new.category, new.unit_id, new.entry_point_id, new.received_at))
  execute function tally_item_trigger();

create trigger suggestions_tally_delete before delete on suggestions for each row execute function tally_item_trigger();

create trigger assignments_tally after insert or update or delete on assignments for each row execute function tally_item_trigger();

create trigger suggestion_events_tally after insert on suggestion_events for each row
  when (new.kind in ('reply', 'decline')) execute function tally_item_trigger();

create trigger suggestion_events_tally_update after update on suggestion_events for each row
  when ((old.kind in ('reply', 'decline') or new.kind in ('reply', 'decline'))
    and (old.kind, old.created_at, old.suggestion_id) is distinct from (new.kind, new.created_at, new.suggestion_id))
  execute function tally_item_trigger();

-- Every item's facts and every sum, from scratch, in a few set-based statements: the migration's
-- backfill, and the check that the triggers kept the sums right.
create function tally_rebuild() returns void language plpgsql as $f$
begin
  delete from item_facts;
  delete from item_tallies;
  delete from item_open_tallies;
  delete from item_answer_tallies;
  insert into item_facts
  select s.id, (s.received_at at time zone 'Asia/Shanghai')::date, s.unit_id, s.entry_point_id, s.category, s.status, s.rating, s.is_proposal,
    a.suggestion_id is not null, coalesce(a.done, false), coalesce(a.reported, 0)::int, coalesce(a.on_time, 0)::int,
    answer_bucket(e.first_answer - s.received_at),
    coalesce(a.open_months, '{}'), a.overdue_month
  from suggestions s
  left join (
    select x.suggestion_id,
      bool_and(x.outcome is not distinct from 'completed') as done,
      count(*) filter (where x.state = 'reported') as reported,
      count(*) filter (where x.reported_at <= x.deadline) as on_time,
      array_agg(date_trunc('month', x.deadline at time zone 'Asia/Shanghai')::date) filter (where x.state = 'open') as open_months,
      date_trunc('month', min(x.deadline) filter (where x.state = 'open') at time zone 'Asia/Shanghai')::date as overdue_month
    from assignments x group by x.suggestion_id) a on a.suggestion_id = s.id
  left join (
    select v.suggestion_id, min(v.created_at) as first_answer from suggestion_events v
    where v.kind in ('reply', 'decline') group by v.suggestion_id) e on e.suggestion_id = s.id;

  insert into item_tallies
  select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, f.dispatched, count(*),
    count(*) filter (where f.status = 'submitted'), count(*) filter (where f.status = 'accepted'),
    count(*) filter (where f.status = 'dispatched'), count(*) filter (where f.status = 'reported'),
    count(*) filter (where f.status = 'replied'), count(*) filter (where f.status = 'closed'),
    count(*) filter (where f.status = 'merged'), count(*) filter (where f.status = 'declined'),
    count(*) filter (where f.rating = 'satisfied'), count(*) filter (where f.rating = 'basically'),
    count(*) filter (where f.rating = 'unsatisfied'),
    count(*) filter (where f.is_proposal), count(*) filter (where f.done),
    sum(f.reported), sum(f.on_time)
  from item_facts f
  cross join lateral (values ('d'::"char", f.day), ('m'::"char", date_trunc('month', f.day)::date), ('y'::"char", date_trunc('year', f.day)::date)) g(grain, period)
  group by 1, 2, 3, 4, 5, 6;

  insert into item_open_tallies
  select grain, period, unit_id, entry_point_id, category, m, sum(dispatches), sum(items)
  from (
    select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, o.m, 1 as dispatches, 0 as items
    from item_facts f
    cross join unnest(f.open_months) o(m)
    cross join lateral (values ('d'::"char", f.day), ('m'::"char", date_trunc('month', f.day)::date), ('y'::"char", date_trunc('year', f.day)::date)) g(grain, period)
    union all
    select g.grain, g.period, f.unit_id, f.entry_point_id, f.category, f.overdue_month, 0, 1
    from item_facts f
    cross join lateral (values ('d'::"char", f.day), ('m'::"char", date_trunc('month', f.day)::date), ('y'::"char", date_trunc('year', f.day)::date)) g(grain, period)
    where f.overdue_month is not null
  ) x
  group by 1, 2, 3, 4, 5, 6;

  insert into item_answer_tallies
  select g.grain, g.period, f.unit_id, f.dispatched, f.answer_bucket, count(*)
  from item_facts f
  cross join lateral (values ('d'::"char", f.day), ('m'::"char", date_trunc('month', f.day)::date), ('y'::"char", date_trunc('year', f.day)::date)) g(grain, period)
  where f.answer_bucket is not null
  group by 1, 2, 3, 4, 5;
end
$f$;

select tally_rebuild();

-- The 月报's list of items closed in a month.
create index suggestion_events_kind_created on suggestion_events (kind, created_at);

-- The open dispatches whose deadline passed this month (the figures' live part), read from the index.
create index assignments_open_due on assignments (deadline) include (suggestion_id) where state = 'open';
`

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN.trim().split(';\n')) await sql.raw(statement).execute(db)
}

const DOWN = `
drop index assignments_open_due;
drop index suggestion_events_kind_created;
drop trigger suggestion_events_tally_update on suggestion_events;
drop trigger suggestion_events_tally on suggestion_events;
drop trigger assignments_tally on assignments;
drop trigger suggestions_tally_delete on suggestions;
drop trigger suggestions_tally_update on suggestions;
drop trigger suggestions_tally_insert on suggestions;
drop function tally_rebuild();
drop function tally_item_trigger();
drop function tally_item(uuid, boolean);
drop function tally_apply(item_facts, integer);
drop function tally_facts(uuid);
drop function answer_bucket(interval);
drop table item_answer_tallies;
drop table item_open_tallies;
drop table item_tallies;
drop table item_facts;
`
