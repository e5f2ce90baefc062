import { BarChart, ScoreRing, TrendChart } from '@/components/reports/report-charts';
import { reportCss, type Paper } from '@/components/reports/report-css';
import {
  formatAvailability,
  formatDate,
  formatDateTime,
  formatDuration,
  formatIsoDate,
  formatPct,
} from '@/components/reports/report-format';
import type { ClassAvailability } from '@/lib/domain/availability';
import type { ClientReport, RemovedDeviceRef, ReportDeviceRef, ScoreBand } from '@/lib/domain/client-report';
import { ALERT_WEIGHTS, bandLabel, SCORE_BANDS, SCORE_WEIGHTS } from '@/lib/domain/report-score';
import type { ReportBranding } from '@/lib/domain/report-settings';

// A client report as a document: the dashboard page, the report link's page and the PDF all render
// this. It must stay free of hooks, context and client code: the PDF renders it to static markup
// (lib/reports/static-markup.ts) and prints that in Chromium with nothing loaded from the network.

const BAND_COLOUR: Record<ScoreBand, string> = {
  excellent: '#15803d',
  good: '#2563eb',
  fair: '#b45309',
  poor: '#dc2626',
};
const SEVERITY_COLOUR: Record<string, string> = {
  information: '#64748b',
  warning: '#d97706',
  critical: '#dc2626',
  emergency: '#7f1d1d',
};
const SCORE_FOOTNOTE =
  `* Executive score: a weighted mean of availability (${SCORE_WEIGHTS.availability} %), patching ` +
  `(${SCORE_WEIGHTS.patching} %), security (${SCORE_WEIGHTS.security} %) and alerts (${SCORE_WEIGHTS.alerts} %). ` +
  "Availability is the servers' (workstations are shown, not scored): 0 at 95 %, 100 at 100 %, linearly. Patching is the share of devices with no pending " +
  'update. Security is the share of passed checks (risk below high, antivirus healthy, firewall on, disk ' +
  'encrypted, OS supported; unknown counts as failed). Alerts score 100 − 20 × weighted alerts per device ' +
  `(emergency ${ALERT_WEIGHTS.emergency}, critical ${ALERT_WEIGHTS.critical}, warning ${ALERT_WEIGHTS.warning}, ` +
  `information ${ALERT_WEIGHTS.information}). A component with nothing measured is left out and its weight ` +
  'shared by the others.';
const CLASS_LABEL = { server: 'Servers', workstation: 'Workstations' } as const;

function Empty({ children }: { children: string }) {
  return <p className="empty">{children}</p>;
}

function targetVerdict(c: ClassAvailability) {
  if (c.targetPct === null) return <span className="muted">no target</span>;
  if (c.availabilityPct === null) return <span className="muted">not measured</span>;
  return c.availabilityPct >= c.targetPct ? (
    <span className="ok">met</span>
  ) : (
    <span className="bad">missed</span>
  );
}

/** The last column of a device list: days since (default), or what the row says of the device. */
interface LastColumn<Row> {
  title: string;
  numeric: boolean;
  cell: (row: Row) => string | number;
}

const DAYS_COLUMN: LastColumn<ReportDeviceRef> = { title: 'Days', numeric: true, cell: (r) => r.days };

const DEPARTURE: Record<RemovedDeviceRef['reason'], string> = {
  removed: 'Removed from Level',
  moved: 'Moved out of the client',
};

const HOW_COLUMN: LastColumn<RemovedDeviceRef> = {
  title: 'How',
  numeric: false,
  cell: (r) => DEPARTURE[r.reason],
};

function DeviceList<Row extends ReportDeviceRef>({
  rows,
  timeZone,
  what,
  empty,
  last,
}: {
  rows: Row[];
  timeZone: string;
  what: string;
  empty: string;
  last: LastColumn<Row>;
}) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th>Device</th>
          <th>Type</th>
          <th>{what}</th>
          <th className={last.numeric ? 'num' : undefined}>{last.title}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.deviceId}-${r.at}`}>
            <td>{r.name}</td>
            <td>{r.deviceClass === 'server' ? 'Server' : 'Workstation'}</td>
            <td>{formatDate(r.at, timeZone)}</td>
            <td className={last.numeric ? 'num' : undefined}>{last.cell(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The branded head of the report (also the branding settings' live preview). */
export function ReportMasthead({
  report,
  branding,
}: {
  report: Pick<ClientReport, 'clientName' | 'periodLabel' | 'period' | 'timeZone' | 'generatedAt'>;
  branding: ReportBranding;
}) {
  const tz = report.timeZone;
  return (
    <header className="masthead">
      <div className="brand">
        {/* A data URL: nothing to optimise, and the PDF has no image server. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        {branding.logoDataUrl ? <img src={branding.logoDataUrl} alt={`${branding.name} logo`} /> : null}
        <div>
          <div className="brand-name">{branding.name}</div>
          <h1>{report.clientName}</h1>
          <div className="muted">IT service report · {report.periodLabel}</div>
        </div>
      </div>
      <div className="meta small muted">
        <div>
          {formatDate(report.period.start, tz)} – {formatDate(report.period.end - 1, tz)}
        </div>
        <div>Time zone {tz}</div>
        <div>Generated {formatDateTime(report.generatedAt, tz)}</div>
      </div>
    </header>
  );
}

export function ReportDocument({
  report,
  branding,
  paper = 'a4',
}: {
  report: ClientReport;
  branding: ReportBranding;
  paper?: Paper;
}) {
  const tz = report.timeZone;
  const { availability: av, alerts, patches, security, score, settings } = report;
  const hoursLabel =
    av.hours === 'business'
      ? `business hours (${settings.businessHours.from}–${settings.businessHours.to}, ${tz})`
      : 'all hours';
  const classes = (['server', 'workstation'] as const).map((k) => av.classes[k]).filter((c) => c.devices > 0);
  const severityOrder = ['emergency', 'critical', 'warning', 'information'];
  const severities = [
    ...severityOrder,
    ...Object.keys(alerts.bySeverity).filter((s) => !severityOrder.includes(s)),
  ];
  const maxSeverity = Math.max(1, ...severities.map((s) => alerts.bySeverity[s] ?? 0));
  const breaches = classes.flatMap((c) => c.breaches);
  const f = security.figures;
  // The scored figure leads: the servers' availability when there are servers.
  const headline = av.classes.server.devices > 0 ? av.classes.server : av.overall;

  return (
    <article className="lb-report" data-report-client={report.clientId} data-report-period={report.periodKey}>
      <style dangerouslySetInnerHTML={{ __html: reportCss(branding.colour, paper) }} />
      <ReportMasthead report={report} branding={branding} />

      <section aria-labelledby="rpt-summary">
        <h2 id="rpt-summary">Executive summary</h2>
        <div className="summary">
          <div className="score">
            <ScoreRing
              score={score.score}
              colour={score.band ? BAND_COLOUR[score.band] : '#94a3b8'}
              label={`Executive score ${score.score ?? 'not measured'} of 100`}
            />
            <div className="band" style={{ color: score.band ? BAND_COLOUR[score.band] : undefined }}>
              {score.band ? bandLabel(score.band) : 'Not measured'}
            </div>
            <div className="small muted">Executive score (0–100)*</div>
          </div>
          <div className="grow">
            <table>
              <thead>
                <tr>
                  <th>Component</th>
                  <th className="num">Score</th>
                  <th className="num">Weight</th>
                  <th>Basis</th>
                </tr>
              </thead>
              <tbody>
                {score.components.map((c) => (
                  <tr key={c.key}>
                    <td>{c.label}</td>
                    <td className="num">{c.score === null ? '–' : Math.round(c.score)}</td>
                    <td className="num">{c.weight} %</td>
                    <td className="small">{c.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="tiles">
          <div className="tile">
            <div className="value">{formatAvailability(headline.availabilityPct)}</div>
            <div className="label">
              {headline === av.overall ? 'Availability' : 'Server availability'} (
              {av.hours === 'business' ? 'business hours' : 'all hours'})
            </div>
          </div>
          <div className="tile">
            <div className="value">{report.incidentCount}</div>
            <div className="label">Downtime incidents</div>
          </div>
          <div className="tile">
            <div className="value">{alerts.opened}</div>
            <div className="label">Alerts raised</div>
          </div>
          <div className="tile">
            <div className="value">{formatPct(patches.compliancePct)}</div>
            <div className="label">Devices fully patched</div>
          </div>
          <div className="tile">
            <div className="value">
              {security.averageScore === null ? '–' : Math.round(security.averageScore)}
            </div>
            <div className="label">Average security score</div>
          </div>
        </div>
        <p className="small muted" style={{ marginTop: 8 }}>
          {report.inventory.devices} devices ({report.inventory.servers} servers,{' '}
          {report.inventory.workstations} workstations); now {report.inventory.online} online,{' '}
          {report.inventory.offline} offline, {report.inventory.maintenance} in maintenance.
        </p>
      </section>

      <section aria-labelledby="rpt-availability" className="keep">
        <h2 id="rpt-availability">Availability and SLA</h2>
        <p className="small muted">
          Counted over {hoursLabel}. Availability = time up ÷ (time up + time down). Maintenance is excluded;
          time Levelboard was not watching is shown as unknown and never counted as up.
        </p>
        {classes.length === 0 ? (
          <Empty>No devices in this client.</Empty>
        ) : (
          <>
            <div
              className="wide"
              tabIndex={0}
              role="region"
              aria-label="Availability per device type (scrolls sideways on a narrow screen)"
            >
              <table>
                <thead>
                  <tr>
                    <th>Devices</th>
                    <th className="num">Count</th>
                    <th className="num">Availability</th>
                    <th className="num">Target</th>
                    <th>SLA</th>
                    <th className="num">Down</th>
                    <th className="num">Maintenance</th>
                    <th className="num">Unknown</th>
                  </tr>
                </thead>
                <tbody>
                  {classes.map((c) => (
                    <tr key={c.deviceClass}>
                      <td>{CLASS_LABEL[c.deviceClass]}</td>
                      <td className="num">{c.devices}</td>
                      <td className="num">{formatAvailability(c.availabilityPct)}</td>
                      <td className="num">{c.targetPct === null ? '–' : `${c.targetPct} %`}</td>
                      <td>{targetVerdict(c)}</td>
                      <td className="num">{formatDuration(c.downMs)}</td>
                      <td className="num">{formatDuration(c.maintenanceMs)}</td>
                      <td className="num">{formatDuration(c.unknownMs)}</td>
                    </tr>
                  ))}
                  <tr>
                    <td>
                      <strong>All devices</strong>
                    </td>
                    <td className="num">{av.devices.length}</td>
                    <td className="num">
                      <strong>{formatAvailability(av.overall.availabilityPct)}</strong>
                    </td>
                    <td className="num">–</td>
                    <td />
                    <td className="num">{formatDuration(av.overall.downMs)}</td>
                    <td className="num">{formatDuration(av.overall.maintenanceMs)}</td>
                    <td className="num">{formatDuration(av.overall.unknownMs)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <BarChart
              title="Availability per device type, percent"
              max={100}
              width={520}
              bars={classes.map((c) => ({
                label: CLASS_LABEL[c.deviceClass],
                value: c.availabilityPct ?? 0,
                colour: branding.colour,
                text: formatAvailability(c.availabilityPct),
              }))}
            />
          </>
        )}
        <h3>SLA breaches</h3>
        {breaches.length === 0 ? (
          <Empty>No device fell below its target.</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Device</th>
                <th>Type</th>
                <th className="num">Availability</th>
                <th className="num">Target</th>
                <th className="num">Incidents</th>
                <th className="num">Down</th>
              </tr>
            </thead>
            <tbody>
              {breaches.map((b) => (
                <tr key={b.deviceId}>
                  <td>{b.name}</td>
                  <td>{b.deviceClass === 'server' ? 'Server' : 'Workstation'}</td>
                  <td className="num bad">{formatAvailability(b.availabilityPct)}</td>
                  <td className="num">{av.classes[b.deviceClass].targetPct} %</td>
                  <td className="num">{b.incidents.length}</td>
                  <td className="num">{formatDuration(b.downMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rpt-incidents">
        <h2 id="rpt-incidents">Downtime incidents</h2>
        {report.incidents.length === 0 ? (
          <Empty>No downtime recorded in this period.</Empty>
        ) : (
          <>
            {report.incidentCount > report.incidents.length ? (
              <p className="small muted">
                {report.incidents.length} of {report.incidentCount} incidents: servers first, then the
                longest.
              </p>
            ) : null}
            <div
              className="wide"
              tabIndex={0}
              role="region"
              aria-label="Downtime incidents (scrolls sideways on a narrow screen)"
            >
              <table>
                <thead>
                  <tr>
                    <th>Device</th>
                    <th>Started</th>
                    <th>Ended</th>
                    <th className="num">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  {report.incidents.map((i) => (
                    <tr key={`${i.deviceId}-${i.start}`}>
                      <td>{i.deviceName}</td>
                      <td>{formatDateTime(i.start, tz)}</td>
                      <td>{i.ongoing ? 'ongoing' : formatDateTime(i.end, tz)}</td>
                      <td className="num">{formatDuration(i.durationMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="rpt-alerts" className="page">
        <h2 id="rpt-alerts">Alerts</h2>
        <p>
          {alerts.opened} {alerts.opened === 1 ? 'alert' : 'alerts'} raised, {alerts.resolved} resolved in the
          period.
        </p>
        <div className="cols">
          <div className="keep">
            <h3>By severity</h3>
            <BarChart
              title="Alerts raised by severity"
              max={maxSeverity}
              width={400}
              bars={severities.map((s) => ({
                label: s[0]!.toUpperCase() + s.slice(1),
                value: alerts.bySeverity[s] ?? 0,
                colour: SEVERITY_COLOUR[s] ?? '#64748b',
              }))}
            />
          </div>
          <div className="keep">
            <h3>Noisiest devices</h3>
            {alerts.noisyDevices.length === 0 ? (
              <Empty>No alerts in this period.</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Device</th>
                    <th className="num">Alerts</th>
                    <th className="num">Critical or emergency</th>
                  </tr>
                </thead>
                <tbody>
                  {alerts.noisyDevices.map((d) => (
                    <tr key={d.deviceId}>
                      <td>{d.name}</td>
                      <td className="num">{d.alerts}</td>
                      <td className="num">{d.severe}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </section>

      <section aria-labelledby="rpt-patches">
        <h2 id="rpt-patches">Patch compliance</h2>
        <div className="tiles">
          <div className="tile">
            <div className="value">{formatPct(patches.compliancePct)}</div>
            <div className="label">
              Fully patched ({patches.fullyPatched} of {patches.known})
            </div>
          </div>
          <div className="tile">
            <div className="value">{patches.pending}</div>
            <div className="label">Pending updates</div>
          </div>
          <div className="tile">
            <div className="value">{patches.securityPending}</div>
            <div className="label">Pending security updates</div>
          </div>
          <div className="tile">
            <div className="value">{patches.failed}</div>
            <div className="label">
              Failed updates ({patches.devicesWithFailed}{' '}
              {patches.devicesWithFailed === 1 ? 'device' : 'devices'})
            </div>
          </div>
          <div className="tile">
            <div className="value">{formatIsoDate(patches.oldestPendingAt, tz)}</div>
            <div className="label">Oldest pending update</div>
          </div>
        </div>
        {patches.known < patches.devices ? (
          <p className="small muted">
            Updates not yet known for {patches.devices - patches.known} of {patches.devices} devices.
          </p>
        ) : null}
        <h3>Devices most behind</h3>
        {patches.worstDevices.length === 0 ? (
          <Empty>No device has pending updates.</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Device</th>
                <th className="num">Pending</th>
                <th className="num">Failed</th>
                <th>Oldest pending</th>
              </tr>
            </thead>
            <tbody>
              {patches.worstDevices.map((d) => (
                <tr key={d.deviceId}>
                  <td>{d.name}</td>
                  <td className="num">{d.pending}</td>
                  <td className={d.failed > 0 ? 'num bad' : 'num'}>{d.failed}</td>
                  <td>{formatIsoDate(d.oldestPendingAt, tz)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rpt-security" className="keep">
        <h2 id="rpt-security">Security posture</h2>
        <div
          className="wide"
          tabIndex={0}
          role="region"
          aria-label="Security checks (scrolls sideways on a narrow screen)"
        >
          <table>
            <thead>
              <tr>
                <th>Check</th>
                <th className="num">Devices failing</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>High or critical risk</td>
                <td className="num">{f.highRisk}</td>
              </tr>
              <tr>
                <td>Antivirus not healthy</td>
                <td className="num">{f.antivirusBad}</td>
              </tr>
              <tr>
                <td>Antivirus status unknown</td>
                <td className="num">{f.antivirusUnknown}</td>
              </tr>
              <tr>
                <td>Firewall off</td>
                <td className="num">{f.firewallOff}</td>
              </tr>
              <tr>
                <td>Primary partition not encrypted</td>
                <td className="num">{f.unencrypted}</td>
              </tr>
              <tr>
                <td>Operating system end of life</td>
                <td className="num">{f.osEndOfLife}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="small muted">
          Security fields known for {f.securityKnown} of {f.devices} devices;{' '}
          {formatPct(security.checksPassedPct, 1)} of checks passed.
        </p>
        <h3>Trend</h3>
        {security.trend.length === 0 ? (
          <Empty>No posture samples recorded in this period.</Empty>
        ) : (
          <TrendChart points={security.trend} accent={branding.colour} />
        )}
      </section>

      <section aria-labelledby="rpt-devices">
        <h2 id="rpt-devices">Devices</h2>
        <h3>Added in the period</h3>
        <DeviceList
          rows={report.added}
          timeZone={tz}
          what="Joined on"
          empty="No devices were added."
          last={DAYS_COLUMN}
        />
        {report.addedCount > report.added.length ? (
          <p className="small muted">
            The first {report.added.length} of {report.addedCount} devices added.
          </p>
        ) : null}
        <h3>Removed in the period</h3>
        <DeviceList
          rows={report.removed}
          timeZone={tz}
          what="Left on"
          empty="No devices were removed."
          last={HOW_COLUMN}
        />
        {report.removedCount > report.removed.length ? (
          <p className="small muted">
            The first {report.removed.length} of {report.removedCount} devices removed.
          </p>
        ) : null}
        <h3>In maintenance for more than {settings.maintenanceLongerThanDays} days</h3>
        <DeviceList
          rows={report.longMaintenance}
          timeZone={tz}
          what="In maintenance since"
          empty="None."
          last={DAYS_COLUMN}
        />
        <h3>Workstations offline for more than {settings.offlineLongerThanDays} days</h3>
        <DeviceList
          rows={report.longOfflineWorkstations}
          timeZone={tz}
          what="Offline since"
          empty="None."
          last={DAYS_COLUMN}
        />
        <p className="small muted">As of {formatDateTime(report.referenceTime, tz)}.</p>
      </section>

      <footer className="footnote">
        <p>{SCORE_FOOTNOTE}</p>
        <p>
          Bands:{' '}
          {SCORE_BANDS.map(
            (b, i) =>
              `${b.label} ${i === SCORE_BANDS.length - 1 ? `below ${SCORE_BANDS[i - 1]?.min}` : `≥ ${b.min}`}`,
          ).join(' · ')}
          .
        </p>
        <p>
          Availability and incidents come from the status changes Levelboard recorded; posture and patches
          from Level&apos;s device security fields and updates. Prepared by {branding.name}.
        </p>
      </footer>
    </article>
  );
}
