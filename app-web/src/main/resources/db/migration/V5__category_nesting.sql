-- iTunes categories keep their nesting: a subcategory names the category it is in (null: a top-level one).
alter table podcast_category add column parent varchar(200);

-- Podcasts stored before kept their categories flattened. Each is refetched and stored again on its schedule,
-- but a feed that answers "not modified" is not: until it changes, its subcategories are nested here by Apple's
-- taxonomy, where the podcast also lists the parent.

update podcast_category c set parent = 'Arts'
where c.parent is null and c.name in ('Books', 'Design', 'Fashion & Beauty', 'Food', 'Performing Arts', 'Visual Arts')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Arts');

update podcast_category c set parent = 'Business'
where c.parent is null and c.name in ('Careers', 'Entrepreneurship', 'Investing', 'Management', 'Marketing', 'Non-Profit')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Business');

update podcast_category c set parent = 'Comedy'
where c.parent is null and c.name in ('Comedy Interviews', 'Improv', 'Stand-Up')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Comedy');

update podcast_category c set parent = 'Education'
where c.parent is null and c.name in ('Courses', 'How To', 'Language Learning', 'Self-Improvement')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Education');

update podcast_category c set parent = 'Fiction'
where c.parent is null and c.name in ('Comedy Fiction', 'Drama', 'Science Fiction')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Fiction');

update podcast_category c set parent = 'Health & Fitness'
where c.parent is null and c.name in ('Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Health & Fitness');

update podcast_category c set parent = 'Kids & Family'
where c.parent is null and c.name in ('Education for Kids', 'Parenting', 'Pets & Animals', 'Stories for Kids')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Kids & Family');

update podcast_category c set parent = 'Leisure'
where c.parent is null and c.name in ('Animation & Manga', 'Automotive', 'Aviation', 'Crafts', 'Games', 'Hobbies', 'Home & Garden', 'Video Games')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Leisure');

update podcast_category c set parent = 'Music'
where c.parent is null and c.name in ('Music Commentary', 'Music History', 'Music Interviews')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Music');

update podcast_category c set parent = 'News'
where c.parent is null and c.name in ('Business News', 'Daily News', 'Entertainment News', 'News Commentary', 'Politics', 'Sports News', 'Tech News')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'News');

update podcast_category c set parent = 'Religion & Spirituality'
where c.parent is null and c.name in ('Buddhism', 'Christianity', 'Hinduism', 'Islam', 'Judaism', 'Religion', 'Spirituality')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Religion & Spirituality');

update podcast_category c set parent = 'Science'
where c.parent is null and c.name in ('Astronomy', 'Chemistry', 'Earth Sciences', 'Life Sciences', 'Mathematics', 'Natural Sciences', 'Nature', 'Physics', 'Social Sciences')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Science');

update podcast_category c set parent = 'Society & Culture'
where c.parent is null and c.name in ('Documentary', 'Personal Journals', 'Philosophy', 'Places & Travel', 'Relationships')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Society & Culture');

update podcast_category c set parent = 'Sports'
where c.parent is null and c.name in ('Baseball', 'Basketball', 'Cricket', 'Fantasy Sports', 'Football', 'Golf', 'Hockey', 'Rugby', 'Running', 'Soccer', 'Swimming', 'Tennis', 'Volleyball', 'Wilderness', 'Wrestling')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'Sports');

update podcast_category c set parent = 'TV & Film'
where c.parent is null and c.name in ('After Shows', 'Film History', 'Film Interviews', 'Film Reviews', 'TV Reviews')
  and exists (select 1 from podcast_category p where p.podcast_id = c.podcast_id and p.name = 'TV & Film');

-- A category's and a language's pages rank their podcasts by listeners within a recent window.
create index interaction_podcast_idx on interaction (podcast_id, occurred_at);
