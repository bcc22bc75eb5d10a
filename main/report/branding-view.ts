import type { Branding } from '../../shared/api/views';
import type { BrandingRecord } from '../../shared/models/branding';
import type { Store } from '../store/store';
import { StoreError } from '../store/store-error';

/** The logo as a `data:` URL, for HTML and the app. */
export function logoDataUrl(record: BrandingRecord): string | undefined {
  if (!record.logo) return undefined;
  return `data:${record.logo.mimeType};base64,${Buffer.from(record.logo.bytes).toString('base64')}`;
}

/** Branding as the api shows it. */
export function toBrandingView(record: BrandingRecord): Branding {
  const logo = logoDataUrl(record);
  return {
    companyName: record.companyName,
    preparedBy: record.preparedBy,
    ...(logo ? { logoDataUrl: logo } : {}),
  };
}

const DATA_URL = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/=]+)$/;

/** The bytes of a PNG or JPEG data URL; undefined when it is not one. */
export function bytesFromDataUrl(url: string): Uint8Array | undefined {
  const match = DATA_URL.exec(url);
  return match ? new Uint8Array(Buffer.from(match[1]!, 'base64')) : undefined;
}

export async function readBranding(store: Store): Promise<Branding> {
  return toBrandingView(await store.getBranding());
}

/**
 * Saves branding as the api receives it (`brandingSchema`). No `logoDataUrl` removes the logo;
 * a logo that is not a small PNG or JPEG is refused by the store with a plain message.
 */
export async function saveBranding(store: Store, branding: Branding, now: Date): Promise<void> {
  const logo = branding.logoDataUrl === undefined ? null : bytesFromDataUrl(branding.logoDataUrl);
  if (logo === undefined)
    throw new StoreError(
      'The branding was not saved: the logo must be a PNG or JPEG image.',
      'error',
    );
  await store.setBranding(
    { companyName: branding.companyName, preparedBy: branding.preparedBy, logo },
    now,
  );
}
