import { LessonMenu } from './LessonMenu';
import { PresenterButton } from '../presenter/PresenterButton';
import { ExportMenu } from '../export/ExportMenu';
import { EmbedSnippet } from '../embed/EmbedSnippet';
import { CompareButton } from '../compare/CompareButton';

/** The teaching controls in the header: lessons, presenter mode, picture export and the embed snippet. */
export function TeachBar() {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="teach-bar">
      <LessonMenu />
      <PresenterButton />
      <CompareButton />
      <ExportMenu />
      <EmbedSnippet />
    </div>
  );
}
