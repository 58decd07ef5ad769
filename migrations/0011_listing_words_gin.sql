-- Written by hand (drizzle-kit generate --custom): 0008_listing_words was edited in place from a GiST
-- to a GIN trigram index, so databases that had applied it kept the GiST one. Rebuilding the index
-- gives every database the index the schema declares; on the others it only rebuilds a GIN index.
DROP INDEX IF EXISTS "listing_words_trgm_idx";--> statement-breakpoint
CREATE INDEX "listing_words_trgm_idx" ON "listing_words" USING gin ("word" gin_trgm_ops);
