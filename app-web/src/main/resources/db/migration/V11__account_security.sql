-- Sign-in sessions that can be ended: a cookie carries the account's session version of its sign-in, and
-- is refused once the version has moved on ("sign out everywhere").

alter table app_user add column session_version integer not null default 0;

-- One account per name whatever its case, held by the schema (two sign-ups at once both passed the page's
-- check). username_key is the lower-cased name, unique. Accounts that already differ only in case (made before)
-- all stay and sign in as before: the oldest keeps the plain key, the others get "<name>#<id>", which no new
-- name can take ('#' is not allowed in names), so only new duplicates are refused.
alter table app_user add column username_key varchar(120);
update app_user set username_key = lower(username);
update app_user set username_key = username_key || '#' || cast(id as varchar(20))
    where exists (select 1 from app_user older where lower(older.username) = lower(app_user.username) and older.id < app_user.id);
alter table app_user alter column username_key set not null;
alter table app_user add constraint app_user_username_key_unique unique (username_key);
