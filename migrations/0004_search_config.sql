-- French full-text search that ignores accents (« ecole » finds « école »), and an immutable
-- unaccent usable in indexes; written by hand because drizzle-kit does not know these objects.
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE FUNCTION immutable_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
