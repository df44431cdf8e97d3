-- The people feeds credit (podcast:person on the show and its episodes, and the show's itunes:author): one row
-- per name, whatever its case or accents, and where each is credited. The JSON columns stay the feed's own lists;
-- V6_1 (a Java migration, web.persistence.migration) fills these tables from them for what was stored before.

create sequence person_seq start with 1 increment by 1;

create table person (
    id        bigint primary key,
    name      varchar(300) not null,
    -- the name in lower case, without accents, with single spaces (core.domain.Person.key): who they are, and
    -- what a search by name compares
    name_key  varchar(300) not null,
    image_url varchar(2048),
    href      varchar(2048),
    constraint person_name_key_unique unique (name_key)
);

create table podcast_person (
    podcast_id   bigint not null references podcast (id) on delete cascade,
    position     integer not null,
    person_id    bigint not null references person (id) on delete cascade,
    role         varchar(100) not null,
    credit_group varchar(100) not null,
    primary key (podcast_id, position)
);
create index podcast_person_person_idx on podcast_person (person_id);

create table episode_person (
    episode_id   bigint not null references episode (id) on delete cascade,
    position     integer not null,
    person_id    bigint not null references person (id) on delete cascade,
    role         varchar(100) not null,
    credit_group varchar(100) not null,
    primary key (episode_id, position)
);
create index episode_person_person_idx on episode_person (person_id);
