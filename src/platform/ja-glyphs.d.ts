declare module 'virtual:kne-ja-glyphs' {
  /** Every distinct character at or above U+3000 in the site's sources (vite.config.ts jaGlyphs). */
  const glyphs: string;
  export default glyphs;
}
