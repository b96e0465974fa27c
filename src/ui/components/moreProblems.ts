/** "and N more problems" for a list cut on the page (translated through `t.problem`). */
export const moreProblems = (count: number) => ({
  message: `and ${count.toLocaleString('en-US')} more problems`,
  say: { key: 'problem.moreAll', args: { count } },
});
