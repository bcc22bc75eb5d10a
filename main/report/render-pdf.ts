import { CHECK_FAMILIES } from '../../shared/models/check';
import { coverageSentence } from './executive-summary';
import { COLOURS, PdfWriter, verdictColour } from './pdf-writer';
import { pdfSafe } from './pdf-text';
import type { ActionItem, ReportFinding, ReportModel } from './report-model';
import { MAX_AFFECTED, reportTitle, summaryLines } from './report-text';
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
import { scoreNumber } from '../../shared/score/score-text';

/** Beyond this, decisions are summed up so page 1 stays one page. */
const MAX_DECISIONS_ON_SUMMARY = 6;

const ANSWER_COLOURS: Record<string, string> = {
  Yes: COLOURS.pass,
  Partly: COLOURS.warn,
  No: COLOURS.fail,
  Unknown: COLOURS.neutral,
};

type OpenedImage = { readonly width: number; readonly height: number };

/** The logo, decoded; undefined when PDFKit cannot read it (the report goes out without it). */
function openLogo(w: PdfWriter, bytes: Uint8Array): OpenedImage | undefined {
  const doc = w.doc as unknown as { openImage(src: Buffer): OpenedImage };
  try {
    return doc.openImage(Buffer.from(bytes));
  } catch {
    return undefined;
  }
}

function cover(w: PdfWriter, model: ReportModel): void {
  const { doc } = w;
  const logo = model.branding.logo;
  const top = doc.y;
  const logoWidth = 150;
  const logoHeight = 44;
  const image = logo ? openLogo(w, logo.bytes) : undefined;
  if (image) {
    w.mark(
      'Figure',
      () =>
        doc.image(image as unknown as Buffer, w.left + w.width - logoWidth, top, {
          fit: [logoWidth, logoHeight],
          align: 'right',
        }),
      undefined,
      `Logo of ${model.branding.companyName || 'the preparer'}`,
    );
  }
  const narrow = image ? w.width - logoWidth - 12 : w.width;
  w.text('BREACH-READINESS REPORT', {
    size: 8.5,
    font: 'bold',
    colour: COLOURS.muted,
    width: narrow,
    gap: 2,
  });
  const by = [model.branding.preparedBy, model.branding.companyName].filter(Boolean).join(', ');
  if (by) w.text(`Prepared by ${by}`, { size: 9.5, colour: COLOURS.muted, width: narrow });
  if (image) doc.y = Math.max(doc.y, top + logoHeight);
  doc.y += 4;
  w.text(reportTitle(model), { size: 21, font: 'bold', colour: COLOURS.accent, gap: 3 });
  w.text(`Prepared for ${model.tenant.displayName} (${model.tenant.defaultDomain})`, {
    size: 9.5,
    colour: COLOURS.muted,
  });
  w.text(
    `Scan of ${longDate(model.scan.startedAt)}  |  Report prepared ${longDate(model.preparedAt)}`,
    {
      size: 9.5,
      colour: COLOURS.muted,
      gap: 2,
    },
  );
  w.rule(COLOURS.accent);
}

function scoreBox(w: PdfWriter, model: ReportModel): void {
  const { doc } = w;
  const s = model.summary;
  const lines = summaryLines(model);
  const top = doc.y + 2;
  const boxWidth = 130;
  const textX = w.left + boxWidth + 14;
  const textWidth = w.width - boxWidth - 14;
  const colour =
    s.rating === 'Good'
      ? COLOURS.pass
      : s.rating === 'Needs work'
        ? COLOURS.warn
        : s.rating === 'At risk'
          ? COLOURS.fail
          : COLOURS.neutral;
  doc.font('Helvetica').fontSize(9.5);
  const rightText = `${lines.ratingMeaning}\n\n${coverageSentence(s.coverage)} ${lines.countsSentence}`;
  const height = Math.max(78, doc.heightOfString(rightText, { width: textWidth }) + 12);
  w.artifact(() =>
    doc.roundedRect(w.left, top, boxWidth, height, 5).lineWidth(1.2).strokeColor(colour).stroke(),
  );
  const centred = (text: string, size: number, bold: boolean, fill: string, y?: number) =>
    w.mark('P', () => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .fillColor(fill);
      if (y === undefined) doc.text(text, { width: boxWidth, align: 'center' });
      else doc.text(text, w.left, y, { width: boxWidth, align: 'center' });
    });
  centred(s.score === null ? '-' : scoreNumber(s.score), 30, true, COLOURS.ink, top + 8);
  centred('out of 100', 8.5, false, COLOURS.muted);
  centred(s.rating, 12, true, colour);
  doc.font('Helvetica').fontSize(9.5).fillColor(COLOURS.ink);
  w.mark('P', () => doc.text(lines.ratingMeaning, textX, top + 6, { width: textWidth }));
  doc.moveDown(0.6);
  w.mark('P', () =>
    doc.text(`${coverageSentence(s.coverage)} ${lines.countsSentence}`, textX, doc.y, {
      width: textWidth,
    }),
  );
  doc.y = top + height + 6;
}

function executiveSummary(w: PdfWriter, model: ReportModel): void {
  const s = model.summary;
  w.heading('Executive summary', 1, { newPage: false });
  scoreBox(w, model);

  w.heading('The three biggest risks', 2);
  if (!s.topRisks.length)
    w.text('No open risks were found among the checks that could be assessed.', { size: 9.5 });
  s.topRisks.forEach((r, i) => {
    w.ensureSpace(48);
    w.runs(
      [
        { text: `${i + 1}. ${r.title}`, style: { font: 'bold' } },
        {
          text: `  (${SEVERITY_LABELS[r.severity]}, ${r.checkId})`,
          style: { colour: COLOURS.muted },
        },
      ],
      { size: 9.8, gap: 1 },
    );
    w.text(r.reason, { size: 9, indent: 12, gap: 1 });
    if (r.decision) w.text(r.decision, { size: 9, indent: 12, font: 'bold', gap: 1 });
    w.runs([{ text: 'Could lead to: ', style: { font: 'bold' } }, { text: r.consequence }], {
      size: 9,
      indent: 12,
      gap: 4,
    });
  });

  w.heading('Since the last visit', 2);
  const lines = summaryLines(model);
  w.text(lines.sinceSentence, { size: 9.5, gap: 2 });
  const since = s.sinceLastTime;
  if (since?.fixed.length)
    w.text(`Fixed: ${since.fixed.map((f) => f.title).join('; ')}.`, {
      size: 9,
      colour: COLOURS.pass,
      gap: 2,
    });
  if (since?.newlyFailing.length)
    w.text(`New problems: ${since.newlyFailing.map((f) => f.title).join('; ')}.`, {
      size: 9,
      colour: COLOURS.fail,
      gap: 2,
    });

  w.heading('Could you investigate a breach?', 2);
  w.runs(
    [
      {
        text: `${s.investigation.answer}. `,
        style: { font: 'bold', colour: ANSWER_COLOURS[s.investigation.answer] },
      },
      { text: s.investigation.sentence.replace(/^(Yes|Not today|Only partly)\.\s*/, '') },
    ],
    { size: 9.5, gap: 2 },
  );
  w.text(
    'In 2023 attackers (Storm-0558) read mail at about 25 organisations; they were found only because one customer had mailbox access records switched on.',
    { size: 8.5, colour: COLOURS.muted, gap: 3 },
  );
  for (const c of s.investigation.checks) {
    w.ensureSpace(14);
    const y = w.doc.y;
    w.mark('P', () => {
      w.doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor(ANSWER_COLOURS[c.answer]!)
        .text(c.answer, w.left + 6, y, { width: 50, lineBreak: false });
      w.doc
        .font('Helvetica')
        .fillColor(COLOURS.ink)
        .text(pdfSafe(c.title), w.left + 58, y, { width: w.width - 58 });
    });
    w.doc.y += 1;
  }

  w.heading('Decisions taken', 2);
  if (!s.decisions.length)
    w.text('No decisions have been recorded: every open finding is still to be fixed.', {
      size: 9.5,
    });
  const shown = s.decisions.slice(0, MAX_DECISIONS_ON_SUMMARY);
  for (const d of shown) {
    w.ensureSpace(24);
    w.runs(
      [
        { text: `${d.title}: `, style: { font: 'bold' } },
        { text: `${decisionText(d.decision, d.expired)}.` },
        ...('reason' in d.decision && d.decision.reason
          ? [{ text: ` ${sentence(d.decision.reason)}`, style: { colour: COLOURS.muted } }]
          : []),
      ],
      { size: 9, gap: 2 },
    );
  }
  const more = s.decisions.length - shown.length;
  if (more > 0)
    w.text(`And ${plural(more, 'more decision')}: see the details of each check.`, {
      size: 9,
      colour: COLOURS.muted,
    });
}

function actionItem(w: PdfWriter, item: ActionItem, parent: PDFKit.PDFOutline | undefined): void {
  const f = item.finding;
  const stepsHeight = f.content.steps.reduce(
    (h, s) => h + w.heightOf(s.text, { size: 9, indent: 26 }) + 2,
    0,
  );
  w.ensureSpace(Math.min(60 + stepsHeight, 300));
  parent?.addItem(`${item.rank}. ${f.title}`);
  w.runs(
    [
      { text: `${item.rank}. ${f.title}`, style: { font: 'bold' } },
      { text: `  ${f.checkId}`, style: { colour: COLOURS.muted } },
    ],
    { size: 10.5, gap: 1 },
  );
  w.runs(
    [
      { text: verdictLabel(f.verdict), style: { font: 'bold', colour: verdictColour(f.verdict) } },
      {
        text: `  |  ${SEVERITY_LABELS[f.severity]}  |  ${effortText(f.content.effortMinutes)}  |  Owner: ${item.owner ?? 'not assigned'}  |  Due: ${item.dueDate ?? 'not set'}`,
        style: { colour: COLOURS.muted },
      },
    ],
    { size: 8.5, indent: 12, gap: 1 },
  );
  if (item.decisionText)
    w.text(`Decision: ${item.decisionText}.`, { size: 8.5, indent: 12, font: 'bold', gap: 1 });
  w.text(f.reason, { size: 9, indent: 12, gap: 2 });
  w.bullets(
    f.content.steps.map((s) => ({ text: s.text, ...(s.link ? { link: s.link.url } : {}) })),
    { size: 8.8, indent: 12 },
    true,
  );
  w.text(`Check it worked: ${f.content.verify}`, {
    size: 8.5,
    indent: 12,
    colour: COLOURS.muted,
    gap: 1,
  });
  if (f.stepsDone)
    w.text(`${f.stepsDone} of ${plural(f.content.steps.length, 'step')} already done.`, {
      size: 8.5,
      indent: 12,
      gap: 1,
    });
  if (f.note) w.text(`Note: ${f.note}`, { size: 8.5, indent: 12, font: 'italic', gap: 1 });
  w.doc.y += 7;
}

function actionPlan(w: PdfWriter, model: ReportModel): void {
  const outline = w.heading('Action plan', 1);
  w.text(
    model.actionPlan.length
      ? `${plural(model.actionPlan.length, 'finding')} to fix, in the order that wins the most protection for the least work. Owners and due dates come from the decisions recorded in Breach Ready.`
      : 'Nothing to fix: no failing or partly met findings.',
    { size: 9.5, gap: 8 },
  );
  for (const item of model.actionPlan) actionItem(w, item, outline);
}

function detail(w: PdfWriter, f: ReportFinding): void {
  w.ensureSpace(70);
  w.runs(
    [
      { text: `${f.checkId}  ${f.title}  `, style: { font: 'bold' } },
      { text: verdictLabel(f.verdict), style: { font: 'bold', colour: verdictColour(f.verdict) } },
    ],
    { size: 9.8, gap: 1 },
  );
  w.text(`${CHECK_FAMILIES[f.family]}  |  ${SEVERITY_LABELS[f.severity]}`, {
    size: 8,
    colour: COLOURS.muted,
    indent: 12,
    gap: 1,
  });
  w.text(f.reason, { size: 8.8, indent: 12, gap: 1 });
  if (f.decision)
    w.text(`Decision: ${decisionText(f.decision.decision, f.decision.expired)}.`, {
      size: 8.5,
      indent: 12,
      font: 'bold',
    });
  for (const ev of f.evidence)
    w.text(`Evidence: ${ev.summary}`, { size: 8.3, indent: 12, colour: COLOURS.muted });
  if (f.affected.length) {
    const shown = f.affected
      .slice(0, MAX_AFFECTED)
      .map((a) => a.displayName + (a.detail ? ` (${a.detail})` : ''));
    const more = f.affected.length - shown.length;
    w.text(
      `Affected (${f.affected.length}): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
      { size: 8.3, indent: 12 },
    );
  }
  const m = f.mappings;
  const refs = [
    m.cisM365.length ? `CIS M365 ${m.cisM365.join(', ')}` : '',
    m.cisControls.length ? `CIS Controls ${m.cisControls.join(', ')}` : '',
    m.nistCsf.length ? `NIST CSF ${m.nistCsf.join(', ')}` : '',
    m.scuba.length ? `SCuBA ${m.scuba.join(', ')}` : '',
  ].filter(Boolean);
  if (refs.length) w.text(refs.join('  |  '), { size: 7.8, indent: 12, colour: COLOURS.muted });
  w.doc.y += 6;
}

function details(w: PdfWriter, model: ReportModel): void {
  w.heading('Details of every check', 1);
  for (const f of model.findings) detail(w, f);
}

function frameworks(w: PdfWriter, model: ReportModel): void {
  const outline = w.heading('Framework views', 1);
  w.runs(
    [
      { text: 'Coverage is not compliance. ', style: { font: 'bold' } },
      {
        text: 'This scan reads Microsoft 365 settings. Frameworks also ask for processes, training, backups and devices that a tenant scan cannot see, so a good result here does not make the organisation compliant with any framework.',
      },
    ],
    { size: 9.5, gap: 6 },
  );
  w.heading('NIST Cybersecurity Framework 2.0', 2, { ...(outline ? { parent: outline } : {}) });
  w.table(
    [
      { header: 'Function', width: 14 },
      { header: 'Score', width: 16 },
      { header: 'Assessed', width: 12 },
      { header: 'To fix', width: 9 },
      { header: 'Subcategories covered', width: 49 },
    ],
    model.frameworks.csf.map((c) =>
      c.total
        ? [
            c.name,
            scoreText(c.score),
            `${c.assessed} of ${c.total}`,
            String(c.failing),
            c.subcategories.join(', '),
          ]
        : [
            c.name,
            'Not assessable here',
            '-',
            '-',
            "About the organisation's processes and people, which a tenant scan cannot see.",
          ],
    ),
  );
  const ig1 = model.frameworks.cisIg1;
  w.heading('CIS Controls v8, Implementation Group 1', 2, {
    ...(outline ? { parent: outline } : {}),
  });
  w.text(
    `${ig1.filter((s) => s.checks.length).length} of ${ig1.length} IG1 safeguards are touched by at least one check; the others cannot be assessed from Microsoft 365 settings.`,
    { size: 9.5, gap: 4 },
  );
  w.table(
    [
      { header: 'Safeguard', width: 52 },
      { header: 'Covered by', width: 33 },
      { header: 'Result', width: 15 },
    ],
    ig1.map((s) => [
      `${s.id} ${s.title}`,
      s.checks.length ? s.checks.map((c) => c.checkId).join(', ') : 'Not assessable here',
      s.answer ?? '-',
    ]),
    8,
  );
  if (model.frameworks.otherSafeguards.length)
    w.text(
      `The checks also reference these safeguards beyond IG1: ${model.frameworks.otherSafeguards.join(', ')}.`,
      {
        size: 8.5,
        colour: COLOURS.muted,
      },
    );
}

function method(w: PdfWriter, model: ReportModel): void {
  const m = model.method;
  w.heading('Method', 1);
  const pairs: [string, string][] = [
    ['What was scanned', m.sourceText],
    [
      'When',
      `${dateTime(m.startedAt)}${m.collectedAt && day(m.collectedAt) !== day(m.startedAt) ? ` (data as of ${dateTime(m.collectedAt)})` : ''}`,
    ],
    ['Prepared by', m.preparedBy || 'Not recorded'],
    ['Thresholds', m.profile],
    ['Check catalog', `version ${m.catalogVersion}; Breach Ready ${m.toolVersion}`],
    ['Access', 'Read-only. Nothing in the tenant was changed.'],
  ];
  for (const [k, v] of pairs)
    w.runs([{ text: `${k}: `, style: { font: 'bold' } }, { text: v }], { size: 9.5, gap: 2 });
  w.heading('What was read', 2);
  w.table(
    [
      { header: 'Data', width: 45 },
      { header: 'Permission', width: 30 },
      { header: 'Read?', width: 25 },
    ],
    m.sources.map((s) => [s.label, s.permission, s.ok ? 'Yes' : `No: ${s.problem ?? 'not read'}`]),
    8,
  );
  w.heading('Checks that could not be assessed', 2);
  if (!m.notRun.length) w.text('Every check could be assessed.', { size: 9.5 });
  else
    w.table(
      [
        { header: 'Check', width: 35 },
        { header: 'Result', width: 15 },
        { header: 'Why', width: 50 },
      ],
      m.notRun.map((c) => [`${c.checkId} ${c.title}`, verdictLabel(c.verdict), c.reason]),
      8,
    );
}

/** A real text PDF: the executive summary on page 1, bookmarks, "Page n of m". */
export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const w = new PdfWriter({
    title: reportTitle(model),
    author:
      [model.branding.preparedBy, model.branding.companyName].filter(Boolean).join(', ') ||
      'Breach Ready',
    subject: `Breach-readiness report for ${model.tenant.displayName}`,
  });
  cover(w, model);
  executiveSummary(w, model);
  actionPlan(w, model);
  details(w, model);
  frameworks(w, model);
  method(w, model);
  return w.finish(`${reportTitle(model)}  |  scan of ${longDate(model.scan.startedAt)}`);
}
