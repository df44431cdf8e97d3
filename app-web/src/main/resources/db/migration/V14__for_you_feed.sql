-- A listener's private "For you" podcast feed, /feeds/for-you/{token}.xml: one address per listener, made,
-- replaced and turned off on /me. The token is kept as it is (not hashed), because /me shows the address again
-- to copy into another app; it opens only a read-only list of recommendations. content_hash and changed_at
-- are what the feed's conditional GET answers with (ETag, Last-Modified): written only when the list changes.
create table for_you_feed (
    user_id      bigint primary key references app_user (id) on delete cascade,
    token        varchar(64) not null,
    created_at   timestamp with time zone not null,
    content_hash varchar(64),
    changed_at   timestamp with time zone,
    constraint for_you_feed_token_unique unique (token)
);

-- Subscriptions a listener imported (OPML) to feeds that were not yet in the catalogue: kept until the feed's
-- podcast is stored, then made into the listener's SUBSCRIBE and deleted.
create table subscription_request (
    user_id      bigint not null references app_user (id) on delete cascade,
    feed_id      bigint not null references feed (id) on delete cascade,
    requested_at timestamp with time zone not null,
    primary key (user_id, feed_id)
);
