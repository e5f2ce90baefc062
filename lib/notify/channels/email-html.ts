import type { NotificationMessage } from '@/lib/domain/notifications';
import { headline, itemFacts, LEVEL_LINK, LEVELBOARD_LINK, moreText } from '@/lib/notify/channels/render';
import 'server-only';

// The HTML part: plain markup with inline styles (mail clients drop style sheets), every text escaped.

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const link = (href: string, text: string) => `<a href="${escape(href)}">${escape(text)}</a>`;

export function emailHtml(message: NotificationMessage): string {
  const items = message.items
    .map((item) => {
      const facts = itemFacts(item)
        .map(
          (fact) =>
            `<tr><td style="color:#555;padding-right:12px">${escape(fact.label)}</td><td>${escape(fact.value)}</td></tr>`,
        )
        .join('');
      const links = [link(item.url, LEVELBOARD_LINK), item.levelUrl ? link(item.levelUrl, LEVEL_LINK) : null]
        .filter(Boolean)
        .join(' · ');
      return `<div style="margin:16px 0;padding-top:8px;border-top:1px solid #ddd"><p style="margin:0 0 4px;font-weight:bold">${escape(item.title)}</p><table style="border-collapse:collapse;font-size:14px">${facts}</table><p style="margin:4px 0 0">${links}</p></div>`;
    })
    .join('');
  const more = moreText(message);
  return [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111">',
    `<h2 style="font-size:18px">${escape(headline(message))}</h2>`,
    message.summary.trim() ? `<p style="white-space:pre-line">${escape(message.summary)}</p>` : '',
    items,
    more ? `<p>${escape(more)}</p>` : '',
    `<p>${link(message.url, LEVELBOARD_LINK)}</p>`,
    '</body></html>',
  ].join('');
}
