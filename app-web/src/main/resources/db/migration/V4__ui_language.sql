-- The interface language a listener chose (en, zh); null: automatic, from the browser's languages.

alter table user_preference add column ui_language varchar(16);
