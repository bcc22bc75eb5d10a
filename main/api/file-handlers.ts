import { ApiError } from '../../shared/api/contract';
import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';

type FileHandlers = Pick<ApiHandlers, 'files.chooseCertificate'>;

/** The certificate files certificate sign-in reads: PEM, whatever its extension. */
const CERTIFICATE_FILE_CHOICE = {
  title: 'Choose the certificate file (PEM)',
  filters: [
    { name: 'Certificate with private key (PEM)', extensions: ['pem', 'crt', 'cer', 'key'] },
    { name: 'All files', extensions: ['*'] },
  ],
} as const;

/** The system's file chooser, where the host has one (the desktop app). */
export function fileHandlers({ deps }: HandlerContext): FileHandlers {
  return {
    'files.chooseCertificate': async () => {
      if (!deps.chooseFile) {
        throw new ApiError(
          'unavailable',
          'Choosing a file is only possible in the desktop app. Type the full path of the file instead.',
        );
      }
      const path = await deps.chooseFile(CERTIFICATE_FILE_CHOICE);
      return { path: path && path.trim() ? path : null };
    },
  };
}
