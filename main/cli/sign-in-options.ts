import { Option, type Command } from 'commander';

/** The options that say how to sign in to a live tenant, shared by `scan` and `record`. */
export function withSignInOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--auth <method>', 'how to sign in to a live tenant').choices([
        'device-code',
        'certificate',
        'secret',
      ]),
    )
    .option(
      '--client-id <id>',
      'application (client) id of your own Entra app registration (needed for certificate and secret; people can sign in without one)',
    )
    .option(
      '--certificate-key <file>',
      'PEM file with the certificate and its private key, with --auth certificate',
    )
    .option(
      '--certificate-thumbprint <hex>',
      'SHA-256 thumbprint, only when the PEM file holds just the key',
    );
}
