import { deviceStatus, emptySeverityCounts, isOfflineServer, type GroupTotals } from '@/lib/domain/fleet';
import type { Alert, Device } from '@/lib/domain/level';
import { severityRank, type Severity } from '@/lib/domain/severity';

/** A mutable accumulator; `finish()` freezes it into a GroupTotals with the derived figures. */
export class GroupTotalsBuilder {
  private total = 0;
  private online = 0;
  private offline = 0;
  private maintenance = 0;
  private offlineServers = 0;
  private healthy = 0;
  private readonly alerts = emptySeverityCounts();
  private readonly monitoredAlerts = emptySeverityCounts();
  private activeAlerts = 0;

  addDevice(device: Device, deviceAlerts: readonly Alert[] | undefined): void {
    this.total += 1;
    const status = deviceStatus(device);
    this[status] += 1;
    if (isOfflineServer(device)) this.offlineServers += 1;
    let serious = false;
    for (const alert of deviceAlerts ?? []) {
      this.alerts[alert.severity] += 1;
      if (status !== 'maintenance') this.monitoredAlerts[alert.severity] += 1;
      this.activeAlerts += 1;
      if (severityRank(alert.severity) >= severityRank('critical')) serious = true;
    }
    if (status === 'online' && !serious) this.healthy += 1;
  }

  finish(): GroupTotals {
    const monitored = this.total - this.maintenance;
    let worst: Severity | null = null;
    for (const severity of Object.keys(this.alerts) as Severity[]) {
      if (this.alerts[severity] > 0 && (worst === null || severityRank(severity) > severityRank(worst)))
        worst = severity;
    }
    return {
      devices: {
        total: this.total,
        online: this.online,
        offline: this.offline,
        maintenance: this.maintenance,
      },
      alerts: { ...this.alerts },
      monitoredAlerts: { ...this.monitoredAlerts },
      activeAlerts: this.activeAlerts,
      worstSeverity: worst,
      offlineServers: this.offlineServers,
      healthScore: monitored > 0 ? Math.round((this.healthy / monitored) * 1000) / 10 : null,
    };
  }
}
