import PDFDocument from 'pdfkit';
import { pdfSafe } from './pdf-text';

export const COLOURS = {
  ink: '#1b1b1b',
  muted: '#555555',
  line: '#c8c8c8',
  accent: '#0b4f8a',
  fail: '#a4262c',
  warn: '#8a5300',
  pass: '#107c10',
  neutral: '#555555',
} as const;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

export interface TextStyle {
  readonly size?: number;
  readonly font?: keyof typeof FONT;
  readonly colour?: string;
  readonly indent?: number;
  readonly gap?: number;
  readonly width?: number;
  /** Makes the text a link (runs only). */
  readonly link?: string;
}

export interface Column {
  readonly header: string;
  readonly width: number;
}

type Outline = PDFKit.PDFOutline;
type Structure = PDFKit.PDFStructureElement;

/**
 * A thin layer over PDFKit: real text only, every string made safe for the standard fonts,
 * headings that become bookmarks, and "Page n of m" on every page.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  /** The tagged structure screen readers follow, in reading order. */
  private readonly root: Structure;

  constructor(info: { title: string; author: string; subject: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 50, bottom: 60, left: 56, right: 56 },
      bufferPages: true,
      displayTitle: true,
      tagged: true,
      pdfVersion: '1.7',
      lang: 'en',
      info: {
        Title: pdfSafe(info.title),
        Author: pdfSafe(info.author),
        Subject: pdfSafe(info.subject),
        Creator: 'Breach Ready',
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** Draws content as one tagged element; everything drawn inside must be plain PDFKit calls. */
  mark(type: string, draw: () => void, parent: Structure = this.root, alt?: string): void {
    parent.add(this.doc.struct(type, alt ? { alt } : {}, [draw]));
  }

  /** Decoration (rules, boxes, page numbers) that screen readers skip. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private style(style: TextStyle): void {
    this.doc
      .font(FONT[style.font ?? 'regular'])
      .fontSize(style.size ?? 10)
      .fillColor(style.colour ?? COLOURS.ink);
  }

  heightOf(text: string, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.heightOfString(pdfSafe(text), {
      width: style.width ?? this.width - (style.indent ?? 0),
    });
  }

  text(text: string, style: TextStyle & { tag?: string } = {}): void {
    this.style(style);
    const indent = style.indent ?? 0;
    this.mark(style.tag ?? 'P', () =>
      this.doc.text(pdfSafe(text), this.left + indent, this.doc.y, {
        width: style.width ?? this.width - indent,
      }),
    );
    if (style.gap) this.doc.y += style.gap;
  }

  /** Runs of differently styled text on one paragraph. */
  runs(parts: readonly { text: string; style?: TextStyle }[], base: TextStyle = {}): void {
    const indent = base.indent ?? 0;
    this.mark('P', () => this.drawRuns(parts, base, indent));
    if (base.gap) this.doc.y += base.gap;
  }

  private drawRuns(
    parts: readonly { text: string; style?: TextStyle }[],
    base: TextStyle,
    indent: number,
  ): void {
    parts.forEach((part, i) => {
      this.style({ ...base, ...part.style });
      const options = {
        width: this.width - indent,
        continued: i < parts.length - 1,
        link: part.style?.link ?? null,
        underline: Boolean(part.style?.link),
      };
      if (i === 0) this.doc.text(pdfSafe(part.text), this.left + indent, this.doc.y, options);
      else this.doc.text(pdfSafe(part.text), options);
    });
  }

  /** A heading that is also a bookmark; level 1 starts a new page unless told otherwise. */
  heading(
    text: string,
    level: 1 | 2 | 3,
    options: { parent?: Outline; newPage?: boolean } = {},
  ): Outline | undefined {
    const size = level === 1 ? 17 : level === 2 ? 12.5 : 10.5;
    if (level === 1 && options.newPage !== false) this.doc.addPage();
    else this.ensureSpace(size * 4);
    if (level < 3) this.doc.y += level === 1 ? 0 : 6;
    const outline =
      level === 3 ? undefined : (options.parent ?? this.doc.outline).addItem(pdfSafe(text));
    this.text(text, {
      size,
      font: 'bold',
      colour: level === 3 ? COLOURS.ink : COLOURS.accent,
      gap: level === 1 ? 2 : 1,
      tag: `H${level}`,
    });
    if (level === 1) this.rule();
    return outline;
  }

  rule(colour: string = COLOURS.line): void {
    const y = this.doc.y + 2;
    this.artifact(() =>
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.7)
        .strokeColor(colour)
        .stroke(),
    );
    this.doc.y = y + 6;
  }

  /** A list (tagged L > LI > Lbl + LBody); an item with a link gets a clickable "Open page". */
  bullets(
    items: readonly (string | { text: string; link?: string })[],
    style: TextStyle = {},
    numbered = false,
  ): void {
    const indent = (style.indent ?? 0) + 14;
    const list = this.doc.struct('L');
    this.root.add(list);
    items.forEach((entry, i) => {
      const item = typeof entry === 'string' ? { text: entry } : entry;
      const marker = numbered ? `${i + 1}.` : '\u2022';
      const li = this.doc.struct('LI');
      list.add(li);
      const y = this.doc.y;
      this.style(style);
      this.mark(
        'Lbl',
        () => this.doc.text(marker, this.left + indent - 12, y, { width: 12, lineBreak: false }),
        li,
      );
      this.doc.y = y;
      this.mark(
        'LBody',
        () => {
          if (item.link) {
            this.drawRuns(
              [
                { text: `${item.text} ` },
                { text: 'Open page', style: { colour: COLOURS.accent, link: item.link } },
              ],
              style,
              indent,
            );
          } else {
            this.style(style);
            this.doc.text(pdfSafe(item.text), this.left + indent, this.doc.y, {
              width: this.width - indent,
            });
          }
        },
        li,
      );
      li.end();
      this.doc.y += 1.5;
    });
    list.end();
  }

  /** A simple ruled table; rows break across pages, the header repeats. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8.5): void {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const rowHeight = (cells: readonly string[], font: 'regular' | 'bold') =>
      Math.max(
        ...cells.map((cell, i) => this.heightOf(cell, { size, font, width: widths[i]! - 6 })),
      ) + 5;
    const table = this.doc.struct('Table');
    this.root.add(table);
    const drawRow = (cells: readonly string[], font: 'regular' | 'bold') => {
      const height = rowHeight(cells, font);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (font === 'regular')
          drawRow(
            columns.map((c) => c.header),
            'bold',
          );
      }
      const top = this.doc.y;
      const row = this.doc.struct('TR');
      table.add(row);
      let x = this.left;
      cells.forEach((cell, i) => {
        const cellX = x;
        this.style({ size, font, colour: colourOfCell(cell) });
        this.mark(
          font === 'bold' ? 'TH' : 'TD',
          () => this.doc.text(pdfSafe(cell), cellX + 3, top + 2.5, { width: widths[i]! - 6 }),
          row,
        );
        x += widths[i]!;
      });
      row.end();
      this.doc.y = top + height;
      this.artifact(() =>
        this.doc
          .moveTo(this.left, this.doc.y)
          .lineTo(this.left + this.width, this.doc.y)
          .lineWidth(font === 'bold' ? 0.9 : 0.4)
          .strokeColor(COLOURS.line)
          .stroke(),
      );
    };
    drawRow(
      columns.map((c) => c.header),
      'bold',
    );
    for (const row of rows) drawRow(row, 'regular');
    table.end();
    this.doc.y += 6;
  }

  /** Writes "Page n of m" and the footer line on every page, then finishes the file. */
  async finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 38;
      this.style({ size: 8, colour: COLOURS.muted });
      this.artifact(() => {
        this.doc.text(pdfSafe(footer), this.left, y, {
          width: this.width * 0.75,
          lineBreak: false,
          ellipsis: true,
        });
        this.doc.text(`Page ${i + 1} of ${range.count}`, this.left, y, {
          width: this.width,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.root.end();
    this.doc.end();
    return this.done;
  }
}

const CELL_COLOURS: Record<string, string> = {
  Fail: COLOURS.fail,
  No: COLOURS.fail,
  'Partly met': COLOURS.warn,
  Partly: COLOURS.warn,
  Pass: COLOURS.pass,
  Yes: COLOURS.pass,
};

/** Verdict words keep their word and get a colour on top; other cells stay ink. */
function colourOfCell(cell: string): string {
  return CELL_COLOURS[cell] ?? COLOURS.ink;
}

export function verdictColour(verdict: string): string {
  if (verdict === 'fail') return COLOURS.fail;
  if (verdict === 'warn') return COLOURS.warn;
  if (verdict === 'pass') return COLOURS.pass;
  return COLOURS.neutral;
}
