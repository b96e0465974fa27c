/**
 * A header button's label that shortens between 1280 and 1536 px wide, where the whole header has
 * to fit one row. Give the button `aria-label={full}`: its name stays the full phrase, which holds
 * the short one (what a voice-control user says still matches).
 */
export function CompactLabel({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="xl:max-2xl:hidden">{full}</span>
      <span aria-hidden="true" className="hidden xl:max-2xl:inline">
        {short}
      </span>
    </>
  );
}
