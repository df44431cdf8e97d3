-- Conditional GET, the rest of the iTunes and Podcasting 2.0 tags, transcripts, chapters and passages.

alter table feed add column etag varchar(1000);
alter table feed add column last_modified varchar(100);

alter table podcast add column owner_name varchar(1000);
alter table podcast add column owner_email varchar(1000);
alter table podcast add column show_type varchar(16);
alter table podcast add column blocked boolean not null default false;
alter table podcast add column podcast_guid varchar(200);
alter table podcast add column locked boolean not null default false;
-- Lists the feed gives (funding links, people) are kept as JSON text: read whole, never queried.
alter table podcast add column funding_json varchar;
alter table podcast add column persons_json varchar;

alter table episode add column description_html varchar;
alter table episode add column image_url varchar(2048);
alter table episode add column explicit boolean;
alter table episode add column season integer;
alter table episode add column episode_number integer;
alter table episode add column episode_type varchar(16);
alter table episode add column enclosures_json varchar;
alter table episode add column persons_json varchar;
alter table episode add column transcripts_json varchar;
alter table episode add column chapters_url varchar(2048);
alter table episode add column chapters_json varchar;
-- The transcript that was fetched (the richest the feed lists) and when; errors are kept for the admin.
alter table episode add column transcript_url varchar(2048);
alter table episode add column transcript_error varchar(1000);

create table transcript_segment (
    episode_id    bigint not null references episode (id) on delete cascade,
    position      integer not null,
    start_seconds double precision not null,
    end_seconds   double precision not null,
    speaker       varchar(200),
    text          varchar not null,
    primary key (episode_id, position)
);

create sequence passage_seq start with 1 increment by 50;

create table passage (
    id            bigint primary key,
    episode_id    bigint not null references episode (id) on delete cascade,
    position      integer not null,
    start_seconds double precision not null,
    end_seconds   double precision not null,
    speaker       varchar(200),
    text          varchar not null,
    constraint passage_position_unique unique (episode_id, position)
);
