-- One schema for H2 (embedded default, MODE=PostgreSQL) and PostgreSQL (production).
-- Sequences allocate ids in blocks of 50 so that Hibernate can batch inserts of a feed's episodes.

create sequence feed_seq start with 1 increment by 50;
create sequence podcast_seq start with 1 increment by 50;
create sequence episode_seq start with 1 increment by 50;
create sequence app_user_seq start with 1 increment by 50;
create sequence interaction_seq start with 1 increment by 50;

create table feed (
    id                   bigint primary key,
    url                  varchar(2048) not null,
    status               varchar(16) not null,
    title                varchar(1000),
    podcast_id           bigint,
    last_error           varchar(4000),
    last_fetched_at      timestamp with time zone,
    next_fetch_at        timestamp with time zone,
    lease_until          timestamp with time zone,
    consecutive_failures integer not null default 0,
    created_at           timestamp with time zone not null,
    constraint feed_url_unique unique (url)
);
create index feed_next_fetch_idx on feed (next_fetch_at);

create table podcast (
    id          bigint primary key,
    feed_id     bigint not null references feed (id),
    title       varchar(1000) not null,
    author      varchar(1000),
    description varchar,
    language    varchar(35),
    image_url   varchar(2048),
    link        varchar(2048),
    explicit    boolean not null default false,
    updated_at  timestamp with time zone not null,
    constraint podcast_feed_unique unique (feed_id)
);
create index podcast_title_idx on podcast (title);

create table podcast_category (
    podcast_id bigint not null references podcast (id) on delete cascade,
    position   integer not null,
    name       varchar(200) not null,
    primary key (podcast_id, position)
);

create table episode (
    id               bigint primary key,
    podcast_id       bigint not null references podcast (id) on delete cascade,
    guid             varchar(2048) not null,
    title            varchar(1000) not null,
    description      varchar,
    audio_url        varchar(2048),
    published_at     timestamp with time zone,
    duration_seconds integer,
    link             varchar(2048),
    -- set when the feed stopped listing the episode; it is kept, not deleted
    gone_from_feed_at timestamp with time zone,
    updated_at       timestamp with time zone not null,
    constraint episode_guid_unique unique (podcast_id, guid)
);
create index episode_published_idx on episode (podcast_id, published_at);

create table app_user (
    id            bigint primary key,
    username      varchar(100) not null,
    password_hash varchar(100) not null,
    roles         varchar(100) not null,
    created_at    timestamp with time zone not null,
    constraint app_user_username_unique unique (username)
);

create table interaction (
    id               bigint primary key,
    user_id          bigint not null references app_user (id) on delete cascade,
    podcast_id       bigint references podcast (id) on delete cascade,
    episode_id       bigint references episode (id) on delete cascade,
    type             varchar(20) not null,
    position_seconds integer,
    occurred_at      timestamp with time zone not null
);
create index interaction_user_idx on interaction (user_id, occurred_at);
