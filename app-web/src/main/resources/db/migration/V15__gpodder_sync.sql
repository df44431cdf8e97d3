-- gpodder.net-compatible sync (API v2): a listener's podcast apps as devices, each device's subscriptions by
-- feed URL (a URL whose podcast is not ingested yet is kept here and becomes a SUBSCRIBE once it is), and every
-- episode action as uploaded. Times are the protocol's: seconds since the epoch.
create sequence sync_device_seq start with 1 increment by 50;
create sequence sync_subscription_seq start with 1 increment by 50;
create sequence sync_episode_action_seq start with 1 increment by 50;

create table sync_device (
    id bigint primary key,
    user_id bigint not null references app_user(id) on delete cascade,
    device_id varchar(64) not null,
    caption varchar(200) not null,
    device_type varchar(20) not null,
    constraint sync_device_unique unique (user_id, device_id)
);

create table sync_subscription (
    id bigint primary key,
    device_pk bigint not null references sync_device(id) on delete cascade,
    url varchar(2048) not null,
    url_key varchar(64) not null,
    subscribed boolean not null,
    changed_at bigint not null,
    feed_id bigint,
    recorded boolean not null,
    constraint sync_subscription_unique unique (device_pk, url_key)
);
create index sync_subscription_changes on sync_subscription (device_pk, changed_at);
create index sync_subscription_pending on sync_subscription (recorded);

create table sync_episode_action (
    id bigint primary key,
    user_id bigint not null references app_user(id) on delete cascade,
    dedupe_key varchar(64) not null,
    podcast_url varchar(2048) not null,
    episode_url varchar(2048) not null,
    guid varchar(2048),
    device_id varchar(64),
    action varchar(16) not null,
    action_at bigint not null,
    started integer,
    position_seconds integer,
    total integer,
    uploaded_at bigint not null,
    constraint sync_episode_action_unique unique (user_id, dedupe_key)
);
create index sync_episode_action_since on sync_episode_action (user_id, uploaded_at);
