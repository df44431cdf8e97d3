-- Personal access tokens (apps and scripts: "Authorization: Bearer wl_...", or the password of HTTP Basic).
-- Only the SHA-256 of a token is kept: a token is 32 random bytes, so a fast hash is enough and a request
-- authenticated by one pays no bcrypt. Revoking deletes the row, so the next request on any replica is refused.
-- last_used_at is written at most once a minute per token (security.AccessTokens).
create sequence access_token_seq start with 1 increment by 50;

create table access_token (
    id           bigint primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    secret_hash  varchar(64) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint access_token_secret_hash_unique unique (secret_hash)
);

create index access_token_user on access_token (user_id);
