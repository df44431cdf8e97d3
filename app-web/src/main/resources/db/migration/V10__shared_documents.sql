-- Small documents that every web replica must see alike (core.port.SharedDocuments): chat conversations, the
-- language model's memory of them, askers' hourly allowances. One row per kind and key; expired rows are
-- ignored when read and deleted when pruned.

create table shared_document (
    kind       varchar(40) not null,
    doc_key    varchar(255) not null,
    body       varchar not null,
    updated_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    primary key (kind, doc_key)
);
create index shared_document_expiry_idx on shared_document (kind, expires_at);
create index shared_document_updated_idx on shared_document (kind, updated_at);
