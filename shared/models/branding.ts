/** Report branding of this installation: who prepares the reports, and their logo. */
export interface BrandingRecord {
  readonly companyName: string;
  readonly preparedBy: string;
  readonly logo?: LogoImage;
  /** When it was last saved; `null` while nothing was ever saved. */
  readonly updatedAt: string | null;
}

export interface LogoImage {
  readonly mimeType: LogoMimeType;
  readonly bytes: Uint8Array;
}

export type LogoMimeType = 'image/png' | 'image/jpeg';

/** Big enough for any sensible logo, small enough to keep reports light. */
export const MAX_LOGO_BYTES = 512 * 1024;

export const EMPTY_BRANDING: BrandingRecord = { companyName: '', preparedBy: '', updatedAt: null };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image type from the file's first bytes (never from its name); undefined when neither. */
export function logoMimeType(bytes: Uint8Array): LogoMimeType | undefined {
  if (bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  return undefined;
}

/** Why these bytes cannot be a logo, in plain words; undefined when they can. */
export function logoProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the logo file is empty';
  if (bytes.length > MAX_LOGO_BYTES)
    return `the logo is ${Math.ceil(bytes.length / 1024)} KB; use an image of at most ${MAX_LOGO_BYTES / 1024} KB`;
  if (!logoMimeType(bytes)) return 'the logo must be a PNG or JPEG image';
  return undefined;
}
