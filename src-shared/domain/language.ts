import tags from 'language-tags';

/**
 * BCP-47 tags checked against the IANA subtag registry (what YouTube's
 * caption and localization languages are: en, de, pt-BR, zh-Hant, es-419).
 */
export function languageProblem(tag: string): string | null {
  if (tag.trim() === '') return 'is empty; give a BCP-47 language tag like en, de or pt-BR';
  const parsed = tags(tag);
  if (parsed.valid()) return null;
  const why = parsed.errors()[0]?.message ?? 'not a registered tag';
  return `"${tag}" is not a BCP-47 language tag (${why.replace(/\.$/, '')}); use one like en, de or pt-BR`;
}

export const isLanguageTag = (tag: string): boolean => languageProblem(tag) === null;
