import { Button } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

/** Copies text to the clipboard and says so. */
export function CopyButton(props: { text: string; label: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const t = setTimeout(() => setCopied('idle'), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  const copy = () => {
    if (!navigator.clipboard) {
      setCopied('failed');
      return;
    }
    navigator.clipboard.writeText(props.text).then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <Button
        icon={copied === 'done' ? <Checkmark20Regular /> : <Copy20Regular />}
        onClick={copy}
        aria-label={props.label}
      >
        {copied === 'done' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className="visually-hidden">
        {copied === 'done'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Could not copy; select the text and copy it yourself.'
            : ''}
      </span>
    </>
  );
}
