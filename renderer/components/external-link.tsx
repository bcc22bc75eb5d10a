import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import type { Link as LinkInfo } from '../../shared/models/check';
import { isAllowedExternalUrl } from '../../shared/security/external-links';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  copyable: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  url: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** A Microsoft admin-centre or documentation link, opened in the browser; any other address is shown to copy. */
export function ExternalLink(props: { link: LinkInfo }) {
  const styles = useStyles();
  const { label, url } = props.link;
  if (isAllowedExternalUrl(url)) {
    return (
      <Link href={url} target="_blank" rel="noopener noreferrer" className={styles.link}>
        {label}
        <Open16Regular aria-hidden />
        <span className="visually-hidden">(opens in your browser)</span>
      </Link>
    );
  }
  return (
    <span className={styles.copyable}>
      <Text>{label}:</Text>
      <Text className={styles.url}>{url}</Text>
      <CopyButton text={url} label={`Copy the address of ${label}`} />
    </span>
  );
}
