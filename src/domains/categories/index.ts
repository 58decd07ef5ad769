/**
 * What other domains may use of categories: reading a territory's categories (listings and
 * responses need them) and seeding the defaults when a territory is created.
 */
export { findCategory, listCategories } from './category.repository.ts'
export type { Category } from './category.ts'
export { seedDefaultCategories } from './default-seed.ts'
export { defaultCategorySlugs } from './defaults.ts'
