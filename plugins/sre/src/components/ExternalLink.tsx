import { isHttpUrl } from '@baton/plugin-sre-common';
import Link from '@material-ui/core/Link';
import type { ReactNode } from 'react';

/**
 * A link a source sent, opened in a new tab: a link only when it is
 * http(s) (the rule the backend stores links by), else its text alone, so
 * that a `javascript:` URL can never run. Not core's Link: it adds an
 * English-only "Opens in a new window".
 */
export function ExternalLink(props: { href: string; children: ReactNode }) {
  if (!isHttpUrl(props.href)) return <span>{props.children}</span>;
  return (
    <Link href={props.href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </Link>
  );
}
