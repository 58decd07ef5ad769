import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'

/** The contrib extensions the first migration creates; every PGlite opened on our data needs them. */
export const pgliteExtensions = { unaccent, cube, earthdistance, pg_trgm }
