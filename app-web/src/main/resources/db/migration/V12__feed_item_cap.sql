-- A feed that lists more items than wavelength.ingest.max-items-per-feed is ingested with its newest ones only;
-- the admin sees how many it listed and how many were kept. Both null when the feed is within the cap.
alter table feed add column items_listed integer;
alter table feed add column items_kept integer;
