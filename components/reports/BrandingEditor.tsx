'use client';

import { ReportMasthead } from '@/components/reports/ReportDocument';
import { reportCss } from '@/components/reports/report-css';
import { buttonClass, inputClass, secondaryButtonClass, Section } from '@/components/settings/section';
import type { ReportBranding } from '@/lib/domain/report-settings';
import { sendJson } from '@/lib/query/admin';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { useState, type ChangeEvent, type FormEvent } from 'react';

// The MSP's branding on every client report: name, logo and colour, with the report's own head as
// a live preview. The logo travels as a data URL inside the JSON body, whose limit is 64 KB for every
// route, so the file may be at most 45 KB (as base64 that is 60 KB).

export const MAX_LOGO_BYTES = 45_000;
const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
const SAMPLE = {
  clientName: 'Acme Dental',
  periodLabel: 'November 2026',
  period: { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) },
  timeZone: 'UTC',
  generatedAt: Date.UTC(2026, 11, 4, 8),
};

export function BrandingEditor({ initial }: { initial: ReportBranding }) {
  const [name, setName] = useState(initial.name);
  const [colour, setColour] = useState(initial.colour);
  const [logo, setLogo] = useState<string | null>(initial.logoDataUrl);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const validColour = /^#[0-9a-fA-F]{6}$/.test(colour);
  const previewBranding: ReportBranding = {
    name: name.trim() || 'Levelboard',
    colour: validColour ? colour : '#2563eb',
    logoDataUrl: logo,
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!TYPES.includes(file.type)) {
      setStatus({ kind: 'error', text: 'The logo must be a PNG, JPEG or SVG image.' });
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setStatus({
        kind: 'error',
        text: `The logo is ${Math.ceil(file.size / 1000)} KB; at most ${MAX_LOGO_BYTES / 1000} KB fits.`,
      });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setLogo(typeof reader.result === 'string' ? reader.result : null);
      setStatus(null);
    };
    reader.readAsDataURL(file);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      await sendJson('/api/admin/reports/branding', 'PUT', { name: name.trim(), colour, logoDataUrl: logo });
      setStatus({ kind: 'ok', text: 'Saved. Every report from now on carries this branding.' });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: error instanceof LevelboardApiError ? error.message : 'Could not save.',
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section
        id="branding-form"
        title="Report branding"
        description="Your name, logo and colour on every client report."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <label className="block text-sm font-medium">
            Name
            <input
              className={inputClass}
              value={name}
              maxLength={80}
              required
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <div className="text-sm font-medium">
            <label htmlFor="branding-colour">Colour</label>
            <div className="mt-1 flex items-center gap-2">
              <input
                type="color"
                aria-label="Pick the colour"
                value={validColour ? colour : '#2563eb'}
                onChange={(e) => setColour(e.target.value)}
                className="h-9 w-12 cursor-pointer rounded border border-line bg-surface"
              />
              <input
                id="branding-colour"
                className={`${inputClass} mt-0 font-mono`}
                value={colour}
                onChange={(e) => setColour(e.target.value)}
                aria-invalid={!validColour}
              />
            </div>
            {validColour ? null : <p className="mt-1 text-xs text-critical">A colour as #rrggbb.</p>}
          </div>
          <div className="text-sm font-medium">
            <label htmlFor="branding-logo">Logo</label>
            <p className="text-xs font-normal text-muted">
              PNG, JPEG or SVG, at most {MAX_LOGO_BYTES / 1000} KB.
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <input
                id="branding-logo"
                type="file"
                accept={TYPES.join(',')}
                onChange={onFile}
                className="text-sm file:mr-2 file:rounded-md file:border file:border-line file:bg-raised file:px-2 file:py-1"
              />
              {logo ? (
                <button type="button" className={secondaryButtonClass} onClick={() => setLogo(null)}>
                  Remove logo
                </button>
              ) : null}
            </div>
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className={buttonClass} disabled={saving || !validColour}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            {status ? (
              <p
                role={status.kind === 'error' ? 'alert' : 'status'}
                className={`text-sm ${status.kind === 'error' ? 'text-critical' : 'text-online'}`}
              >
                {status.text}
              </p>
            ) : null}
          </div>
        </form>
      </Section>
      <Section
        id="branding-preview"
        title="Preview"
        description="The head of a report as your clients will see it."
      >
        <div className="overflow-hidden rounded-lg border border-line" data-testid="branding-preview">
          <article className="lb-report" style={{ padding: '16px 20px' }}>
            <style dangerouslySetInnerHTML={{ __html: reportCss(previewBranding.colour, 'a4') }} />
            <ReportMasthead report={SAMPLE} branding={previewBranding} />
            <h2>Executive summary</h2>
            <div className="tiles" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
              <div className="tile">
                <div className="value">99.982 %</div>
                <div className="label">Availability</div>
              </div>
              <div className="tile">
                <div className="value">2</div>
                <div className="label">Downtime incidents</div>
              </div>
              <div className="tile">
                <div className="value">94 %</div>
                <div className="label">Devices fully patched</div>
              </div>
            </div>
          </article>
        </div>
      </Section>
    </div>
  );
}
