import type { Translator } from '../../i18n';
import type { ImportIssue } from '../../scenario/yaml/types';

/** `Document 2, line 14 · spec.ports[0].port: message`, with the place words translated. */
export function issueText(t: Translator, issue: ImportIssue): string {
  const where: string[] = [];
  if (issue.document > 0) where.push(t.t('yaml.document', { n: issue.document }));
  if (issue.line !== null) where.push(t.t('yaml.line', { n: issue.line }));
  const head = where.length ? `${where.join(', ')} · ` : '';
  const message = t.said(issue);
  return `${head}${issue.path ? `${issue.path}: ` : ''}${message}`;
}

/** Selects a 1-based line of a textarea and scrolls it into view (an error's "go to line"). */
export function selectLine(area: HTMLTextAreaElement | null, line: number): void {
  if (!area) return;
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  area.focus();
  area.setSelectionRange(start, end);
  const lineHeight = area.scrollHeight / Math.max(1, lines.length);
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
