/** The report's only style sheet, inlined: readable on screen, clean on paper. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
header.cover { display: flex; justify-content: space-between; gap: 1.5rem; align-items: flex-start; border-bottom: 3px solid var(--accent); padding-bottom: 1rem; }
header.cover img { max-height: 64px; max-width: 220px; }
.meta { color: var(--muted); margin: 0.2rem 0; }
h1 { font-size: 1.8rem; margin: 1rem 0 0.25rem; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.score { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; }
.score .number { font-size: 2.6rem; font-weight: 700; }
.score .rating { font-size: 1.3rem; font-weight: 600; }
.verdict { display: inline-block; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.35rem; font-size: 0.85em; }
.v-fail, .a-No { color: #a4262c; }
.v-warn, .a-Partly { color: #8a5300; }
.v-pass, .a-Yes { color: #107c10; }
.v-unknown, .v-manual, .v-not_applicable, .a-Unknown { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.93em; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
article { border-top: 1px solid var(--line); padding-top: 0.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.note { background: #f5f8fc; border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; }
.small { font-size: 0.88em; color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 0.5rem; }
a { color: var(--accent); }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  h2.first { break-before: avoid; }
  article, tr, .score { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: var(--muted); word-break: break-all; }
}
@page { margin: 16mm 14mm; }
`;
