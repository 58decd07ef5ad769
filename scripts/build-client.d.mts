/** Builds the browser modules and style sheets with content-hashed names; returns the manifest. */
export function buildClient(options?: {
  /** folder of entry modules (*.ts) */
  scripts?: string
  /** logical name (without .css) → style sheet file */
  styles?: Record<string, string>
  /** where assets/ and assets-manifest.json are written */
  publicDir?: string
}): Promise<Record<string, string>>
