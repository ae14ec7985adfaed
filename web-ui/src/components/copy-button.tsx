import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../clipboard';
import { showToast } from '../toasts';
import { IconCheck, IconCopy } from './icons';

interface CopyButtonProps {
  text: string | (() => string);
  label?: string;
  copiedMessage?: string;
  class?: string;
  id?: string;
}

export function CopyButton({ text, label = 'Copy', copiedMessage = 'Copied to the clipboard', class: cls, id }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1800);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      id={id}
      class={'btn btn-secondary btn-sm' + (cls ? ' ' + cls : '')}
      onClick={async () => {
        const ok = await copyText(typeof text === 'function' ? text() : text);
        if (ok) {
          setCopied(true);
          showToast(copiedMessage, 'success');
        } else {
          showToast('Copying failed. Select the text and copy it by hand.', 'error');
        }
      }}
    >
      {copied ? <IconCheck /> : <IconCopy />}
      <span>{copied ? 'Copied' : label}</span>
    </button>
  );
}
