-- What listeners told us about themselves, and the index behind "popular this month".

create table user_preference (
    user_id          bigint primary key references app_user (id) on delete cascade,
    -- language segments (en, de, ...) separated by commas; empty: any language
    languages        varchar(200) not null default '',
    explicit_allowed boolean not null default true,
    -- free text, embedded into the listener's profile
    interests        varchar(1000) not null default '',
    updated_at       timestamp with time zone not null
);

-- Popular episodes: engagements per episode within a recent window.
create index interaction_episode_idx on interaction (episode_id, occurred_at);

-- "Just published" across the whole catalogue: the newest episodes since a date.
create index episode_published_at_idx on episode (published_at);
