import { LessonMenu } from './LessonMenu';

/** The teaching controls in the header: the lessons menu (presenter mode and export join it). */
export function TeachBar() {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="teach-bar">
      <LessonMenu />
    </div>
  );
}
