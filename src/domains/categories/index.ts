/**
 * What other domains may use of categories: reading a territory's categories (listings,
 * responses and profiles' interests need them), seeding the defaults when a territory is created, and opening or closing
 * several at once (crisis mode).
 */
export { findCategory, listCategories, setCategoriesActive } from './category.repository.ts'
export type { Category } from './category.ts'
export { seedDefaultCategories } from './default-seed.ts'
