import { CHECK_FAMILIES } from '../../shared/models/check';
import type { AffectedObject } from '../../shared/models/finding';
import type { Link } from '../../shared/models/check';
import { logoDataUrl } from './branding-view';
import { coverageSentence } from './executive-summary';
import { escapeHtml as e, safeHref } from './html-escape';
import type { ActionItem, ReportFinding, ReportModel } from './report-model';
import { REPORT_CSS } from './report-styles';
import {
  SEVERITY_LABELS,
  dateTime,
  day,
  decisionText,
  effortText,
  longDate,
  plural,
  scoreText,
  sentence,
  verdictLabel,
} from './report-words';
import { MAX_AFFECTED, reportTitle, summaryLines } from './report-text';
import { scoreNumber } from '../../shared/score/score-text';

const verdict = (f: Pick<ReportFinding, 'verdict'>) =>
  `<span class="verdict v-${f.verdict}">${e(verdictLabel(f.verdict))}</span>`;
const answer = (a: string) => `<span class="verdict a-${e(a)}">${e(a)}</span>`;

function link(l: Link): string {
  const href = safeHref(l.url);
  return href ? `<a href="${e(href)}">${e(l.label)}</a>` : e(`${l.label} (${l.url})`);
}

function list(items: readonly string[], tag: 'ul' | 'ol' = 'ul'): string {
  return items.length ? `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>` : '';
}

function affectedList(affected: readonly AffectedObject[]): string {
  if (!affected.length) return '<p class="small">No individual objects listed.</p>';
  const shown = affected
    .slice(0, MAX_AFFECTED)
    .map(
      (a) => `${e(a.displayName)}${a.detail ? ` <span class="small">(${e(a.detail)})</span>` : ''}`,
    );
  const more = affected.length - MAX_AFFECTED;
  return list(more > 0 ? [...shown, e(`and ${more} more`)] : shown);
}

function cover(model: ReportModel): string {
  const logo = logoDataUrl(model.branding);
  const by = [model.branding.preparedBy, model.branding.companyName].filter(Boolean).join(', ');
  return `<header class="cover">
  <div>
    <p class="meta">Breach-readiness report</p>
    <h1>${e(reportTitle(model))}</h1>
    <p class="meta">Prepared for ${e(model.tenant.displayName)} (${e(model.tenant.defaultDomain)})</p>
    ${by ? `<p class="meta">Prepared by ${e(by)}</p>` : ''}
    <p class="meta">Scan of ${e(longDate(model.scan.startedAt))}; report prepared ${e(longDate(model.preparedAt))}</p>
  </div>
  ${logo ? `<img src="${e(logo)}" alt="${e(model.branding.companyName || 'Logo')}">` : ''}
</header>`;
}

function executiveSummary(model: ReportModel): string {
  const s = model.summary;
  const lines = summaryLines(model);
  const since = s.sinceLastTime;
  return `<section aria-labelledby="summary">
<h2 id="summary" class="first">Executive summary</h2>
<div class="score" role="group" aria-label="Score">
  <span class="number">${e(s.score === null ? '–' : scoreNumber(s.score))}</span>
  <span>out of 100</span>
  <span class="rating">${e(s.rating)}</span>
</div>
<p>${e(lines.ratingMeaning)} ${e(coverageSentence(s.coverage))}</p>
<p>${e(lines.countsSentence)}</p>
<h3>The three biggest risks</h3>
${
  s.topRisks.length
    ? list(
        s.topRisks.map(
          (r) =>
            `<strong>${e(r.title)}</strong> <span class="small">(${e(SEVERITY_LABELS[r.severity])}, ${e(r.checkId)})</span><br>${e(r.reason)}${r.decision ? `<br><strong>${e(r.decision)}</strong>` : ''}<br><em>What it could lead to:</em> ${e(r.consequence)}`,
        ),
        'ol',
      )
    : '<p>No open risks were found among the checks that could be assessed.</p>'
}
<h3>Since the last visit</h3>
<p>${e(lines.sinceSentence)}</p>
${since && since.fixed.length ? `<h4>Fixed</h4>${list(since.fixed.map((f) => `${e(f.title)} <span class="small">(${e(f.checkId)})</span>`))}` : ''}
${since && since.newlyFailing.length ? `<h4>New problems</h4>${list(since.newlyFailing.map((f) => `${e(f.title)} <span class="small">(${e(f.checkId)})</span>`))}` : ''}
<h3>Could you investigate a breach?</h3>
<p>${answer(s.investigation.answer)} ${e(s.investigation.sentence)}</p>
<p class="note small">In 2023 attackers known as Storm-0558 read mail at about 25 organisations with forged sign-in tokens. They were found only because one customer had mailbox access records switched on. These checks answer the lessons CISA and the FBI drew from it.</p>
<table>
<caption>Investigation readiness</caption>
<thead><tr><th scope="col">What investigators would need</th><th scope="col">In place?</th></tr></thead>
<tbody>${s.investigation.checks.map((c) => `<tr><td>${e(c.title)} <span class="small">(${e(c.checkId)})</span></td><td>${answer(c.answer)}</td></tr>`).join('')}</tbody>
</table>
<h3>Decisions taken</h3>
${
  s.decisions.length
    ? list(
        s.decisions.map(
          (d) =>
            `<strong>${e(d.title)}</strong> <span class="small">(${e(d.checkId)})</span>: ${e(decisionText(d.decision, d.expired))}${'reason' in d.decision && d.decision.reason ? `. ${e(sentence(d.decision.reason))}` : '.'}`,
        ),
      )
    : '<p>No decisions have been recorded: every open finding is still to be fixed.</p>'
}
</section>`;
}

function steps(f: ReportFinding): string {
  return list(
    f.content.steps.map(
      (s) => `${e(s.text)}${s.link ? ` <span class="small">(${link(s.link)})</span>` : ''}`,
    ),
    'ol',
  );
}

function actionItem(item: ActionItem): string {
  const f = item.finding;
  return `<article aria-labelledby="fix-${e(f.checkId)}">
<h3 id="fix-${e(f.checkId)}">${item.rank}. ${e(f.title)} <span class="small">(${e(f.checkId)})</span></h3>
<dl>
  <dt>Result</dt><dd>${verdict(f)} ${e(f.reason)}</dd>
  <dt>Severity</dt><dd>${e(SEVERITY_LABELS[f.severity])}</dd>
  <dt>Effort</dt><dd>${e(effortText(f.content.effortMinutes))}</dd>
  <dt>Owner</dt><dd>${e(item.owner ?? 'Not assigned')}</dd>
  <dt>Due date</dt><dd>${e(item.dueDate ?? 'Not set')}</dd>
  <dt>Decision</dt><dd>${e(item.decisionText ?? 'None yet')}</dd>
  <dt>Progress</dt><dd>${e(`${f.stepsDone} of ${plural(f.content.steps.length, 'step')} done`)}</dd>
</dl>
<h4>How to fix it</h4>
${steps(f)}
<p><strong>How to check it worked:</strong> ${e(f.content.verify)}</p>
<p><strong>What staff will notice:</strong> ${e(f.content.userImpact)}</p>
${f.note ? `<p class="note"><strong>Note:</strong> ${e(f.note)}</p>` : ''}
</article>`;
}

function actionPlan(model: ReportModel): string {
  return `<section aria-labelledby="plan">
<h2 id="plan">Action plan</h2>
<p>${e(model.actionPlan.length ? `${plural(model.actionPlan.length, 'finding')} to fix, in the order that wins the most protection for the least work.` : 'Nothing to fix: no failing or partly met findings.')}</p>
${model.actionPlan.map(actionItem).join('\n')}
</section>`;
}

function mappings(f: ReportFinding): string {
  const m = f.mappings;
  const rows = [
    ['CIS Microsoft 365', m.cisM365],
    ['CIS Controls v8', m.cisControls],
    ['NIST CSF 2.0', m.nistCsf],
    ['CISA SCuBA', m.scuba],
  ].filter(([, v]) => (v as readonly string[]).length);
  return rows
    .map(([k, v]) => `<dt>${e(k as string)}</dt><dd>${e((v as readonly string[]).join(', '))}</dd>`)
    .join('');
}

function detail(f: ReportFinding): string {
  return `<article aria-labelledby="d-${e(f.checkId)}">
<h3 id="d-${e(f.checkId)}">${e(f.checkId)}: ${e(f.title)}</h3>
<dl>
  <dt>Result</dt><dd>${verdict(f)} ${e(f.reason)}</dd>
  ${f.decision ? `<dt>Decision</dt><dd>${e(decisionText(f.decision.decision, f.decision.expired))}</dd>` : ''}
  <dt>Area</dt><dd>${e(CHECK_FAMILIES[f.family])}</dd>
  <dt>Severity</dt><dd>${e(SEVERITY_LABELS[f.severity])}</dd>
  ${mappings(f)}
</dl>
<p><strong>Why it matters:</strong> ${e(f.content.why)}</p>
<h4>Evidence</h4>
${f.evidence.length ? list(f.evidence.map((ev) => e(ev.summary))) : '<p class="small">No evidence summary.</p>'}
<h4>Affected (${f.affected.length})</h4>
${affectedList(f.affected)}
${f.content.learnMore.length ? `<h4>Learn more</h4>${list(f.content.learnMore.map(link))}` : ''}
</article>`;
}

function details(model: ReportModel): string {
  return `<section aria-labelledby="details">
<h2 id="details">Details of every check</h2>
${model.findings.map(detail).join('\n')}
</section>`;
}

function frameworks(model: ReportModel): string {
  const fw = model.frameworks;
  const covered = fw.cisIg1.filter((s) => s.checks.length);
  return `<section aria-labelledby="frameworks">
<h2 id="frameworks">Framework views</h2>
<p class="note"><strong>Coverage is not compliance.</strong> This scan reads Microsoft 365 settings. Frameworks also ask for processes, training, backups and devices that a tenant scan cannot see, so a good result here does not make the organisation compliant with any framework.</p>
<h3>NIST Cybersecurity Framework 2.0</h3>
<table>
<caption>Score per CSF function</caption>
<thead><tr><th scope="col">Function</th><th scope="col">Score</th><th scope="col">Checks assessed</th><th scope="col">To fix</th><th scope="col">Subcategories covered</th></tr></thead>
<tbody>${fw.csf
    .map((c) =>
      c.total
        ? `<tr><td>${e(c.name)}</td><td>${e(scoreText(c.score))}</td><td>${c.assessed} of ${c.total}</td><td>${c.failing}</td><td>${e(c.subcategories.join(', '))}</td></tr>`
        : `<tr><td>${e(c.name)}</td><td colspan="4">Not assessable here: this function is about the organisation's processes and people, which a tenant scan cannot see.</td></tr>`,
    )
    .join('')}</tbody>
</table>
<h3>CIS Controls v8, Implementation Group 1</h3>
<p>${covered.length} of ${fw.cisIg1.length} IG1 safeguards are touched by at least one check; the others cannot be assessed from Microsoft 365 settings.</p>
<table>
<caption>IG1 safeguards</caption>
<thead><tr><th scope="col">Safeguard</th><th scope="col">Covered by</th><th scope="col">Result</th></tr></thead>
<tbody>${fw.cisIg1
    .map(
      (s) =>
        `<tr><td>${e(s.id)} ${e(s.title)}</td><td>${s.checks.length ? e(s.checks.map((c) => c.checkId).join(', ')) : 'Not assessable here'}</td><td>${s.answer ? answer(s.answer) : '–'}</td></tr>`,
    )
    .join('')}</tbody>
</table>
${fw.otherSafeguards.length ? `<p class="small">The checks also reference these safeguards beyond IG1: ${e(fw.otherSafeguards.join(', '))}.</p>` : ''}
</section>`;
}

function method(model: ReportModel): string {
  const m = model.method;
  const unread = m.sources.filter((s) => !s.ok);
  return `<section aria-labelledby="method">
<h2 id="method">Method</h2>
<dl>
  <dt>What was scanned</dt><dd>${e(m.sourceText)}</dd>
  <dt>When</dt><dd>${e(dateTime(m.startedAt))}${m.collectedAt && day(m.collectedAt) !== day(m.startedAt) ? ` (data as of ${e(dateTime(m.collectedAt))})` : ''}</dd>
  <dt>Prepared by</dt><dd>${e(m.preparedBy || 'Not recorded')}</dd>
  <dt>Thresholds</dt><dd>${e(m.profile)}</dd>
  <dt>Check catalog</dt><dd>version ${e(m.catalogVersion)}; Breach Ready ${e(m.toolVersion)}</dd>
  <dt>Access</dt><dd>Read-only. Nothing in the tenant was changed.</dd>
</dl>
<h3>What was read</h3>
<table>
<caption>${e(`${m.sources.length} data sources, ${unread.length} could not be read`)}</caption>
<thead><tr><th scope="col">Data</th><th scope="col">Permission</th><th scope="col">Read?</th></tr></thead>
<tbody>${m.sources.map((s) => `<tr><td>${e(s.label)}</td><td>${e(s.permission)}</td><td>${s.ok ? 'Yes' : e(`No: ${s.problem ?? 'not read'}`)}</td></tr>`).join('')}</tbody>
</table>
<h3>Checks that could not be assessed</h3>
${
  m.notRun.length
    ? `<table><caption>${e(plural(m.notRun.length, 'check'))}</caption><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Why</th></tr></thead><tbody>${m.notRun
        .map(
          (c) =>
            `<tr><td>${e(c.checkId)} ${e(c.title)}</td><td>${verdict(c)}</td><td>${e(c.reason)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Every check could be assessed.</p>'
}
</section>`;
}

/** One self-contained HTML file: inline styles, the logo as a data URL, nothing loaded. */
export function renderHtml(model: ReportModel): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(reportTitle(model))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${cover(model)}
${executiveSummary(model)}
${actionPlan(model)}
${details(model)}
${frameworks(model)}
${method(model)}
<footer>Breach Ready ${e(model.method.toolVersion)} · scan ${e(model.scan.id)} · prepared ${e(dateTime(model.preparedAt))}.</footer>
</main>
</body>
</html>
`;
}
