-- podcast:podroll: the shows a podcast's makers recommend, by podcast:guid and feed address, in their order. They are
-- matched to the catalogue when read (a show added later is found then): by guid, else by address.

create table podcast_podroll (
    podcast_id bigint not null references podcast (id) on delete cascade,
    position   integer not null,
    feed_guid  varchar(200),
    feed_url   varchar(2048),
    primary key (podcast_id, position)
);

-- Feeds stored before were parsed without their podroll; a feed that has not changed since would answer every
-- conditional request with "not modified" and never be read again. Forgetting the validators makes the next
-- refresh of each feed a whole read, which stores its podroll (and the nesting of its categories).
update feed set etag = null, last_modified = null;
