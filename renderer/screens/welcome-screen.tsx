import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  Eye20Regular,
  Folder20Regular,
  LockClosed20Regular,
  ShieldCheckmark20Regular,
} from '@fluentui/react-icons';
import { CardSection } from '../components/card-section';
import { ScreenHeader } from '../components/screen-header';
import { SignInPanel } from '../components/sign-in-panel';
import { useApp } from '../state/app-context';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  facts: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  fact: {
    display: 'grid',
    gridTemplateColumns: '24px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  wide: { gridColumn: '1 / -1' },
});

/** First run: what the app does, what it reads, that it changes nothing, and how to connect. */
export function WelcomeScreen() {
  const styles = useStyles();
  const { info, navigate } = useApp();
  return (
    <>
      <ScreenHeader
        title="Welcome to Breach Ready"
        subtitle="Find out whether your Microsoft 365 could stop a break-in, whether you could investigate one, and what to fix first."
      />
      <div className={styles.grid}>
        <CardSection title="Scan your Microsoft 365">
          <SignInPanel />
        </CardSection>
        <CardSection title="Try it with a demo tenant">
          <Text as="p">
            Contoso Dental is a made-up 25-person business with the gaps we usually find. No
            Microsoft account is needed, and nothing leaves this computer.
          </Text>
          <div>
            <Button onClick={() => navigate({ screen: 'scan', kind: 'demo' })}>
              Explore a demo tenant
            </Button>
          </div>
        </CardSection>
        <CardSection title="What Breach Ready does" className={styles.wide}>
          <ul className={styles.facts}>
            <li className={styles.fact}>
              <Eye20Regular aria-hidden />
              <Text>
                <strong>We read your security settings</strong>: sign-in rules, who holds admin
                roles, connected apps, guest and sharing settings, audit logging, and your email
                domains’ public DNS records.
              </Text>
            </li>
            <li className={styles.fact}>
              <ShieldCheckmark20Regular aria-hidden />
              <Text>
                <strong>We change nothing.</strong> Breach Ready asks Microsoft only for read
                permissions. Every fix is a step you take yourself, with exact instructions.
              </Text>
            </li>
            <li className={styles.fact}>
              <Folder20Regular aria-hidden />
              <Text>
                <strong>Your results stay on this computer</strong>, in{' '}
                <span className={styles.path}>{info.dataLocation}</span>.
              </Text>
            </li>
            <li className={styles.fact}>
              <LockClosed20Regular aria-hidden />
              <Text>
                {info.tokenStorage === 'encrypted'
                  ? 'Your sign-in is stored encrypted on this computer and never shown to the screens.'
                  : 'Your sign-in is kept in memory only and forgotten when Breach Ready closes.'}
              </Text>
            </li>
          </ul>
        </CardSection>
      </div>
    </>
  );
}
