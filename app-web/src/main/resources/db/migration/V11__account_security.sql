-- Sign-in sessions that can be ended: a cookie carries the account's session version of its sign-in, and
-- is refused once the version has moved on ("sign out everywhere").

alter table app_user add column session_version integer not null default 0;
