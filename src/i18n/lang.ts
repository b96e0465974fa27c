export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
export const isLang = (v: unknown): v is Lang => v === 'en' || v === 'ja';
