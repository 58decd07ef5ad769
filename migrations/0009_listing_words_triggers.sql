-- The words of published listings, for correcting misspelt search words (listing-word.schema.ts).
-- Written by hand because drizzle-kit does not know functions or triggers. Statement-level
-- triggers with transition tables: a statement that writes many listings (an import, a job)
-- collects their words in one insert, and the rows are taken in word order so that two
-- transactions adding the same new words wait for each other instead of deadlocking.
CREATE FUNCTION listing_words_of(title text, description text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
    immutable_unaccent(lower(coalesce(title, '') || ' ' || coalesce(description, '')))))) w
  WHERE w ~ '^[a-z]{4,30}$'
$$;--> statement-breakpoint
CREATE FUNCTION listing_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO listing_words (territory_id, word)
      SELECT DISTINCT n.territory_id, w FROM new_rows n, listing_words_of(n.title, n.description) w
      WHERE n.status = 'published'
      ORDER BY 1, 2
      ON CONFLICT DO NOTHING;
  ELSE
    -- Only rows whose text or status changed: reminders and renewals touch published rows too.
    INSERT INTO listing_words (territory_id, word)
      SELECT DISTINCT n.territory_id, w
      FROM new_rows n JOIN old_rows o ON o.id = n.id, listing_words_of(n.title, n.description) w
      WHERE n.status = 'published'
        AND (o.status <> 'published' OR o.title IS DISTINCT FROM n.title
          OR o.description IS DISTINCT FROM n.description)
      ORDER BY 1, 2
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER listings_words_on_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_words_collect();--> statement-breakpoint
CREATE TRIGGER listings_words_on_update AFTER UPDATE ON listings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_words_collect();--> statement-breakpoint
INSERT INTO listing_words (territory_id, word)
  SELECT DISTINCT territory_id, w FROM listings, listing_words_of(title, description) w
  WHERE status = 'published'
  ON CONFLICT DO NOTHING;
