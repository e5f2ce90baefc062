// "Open in Level": the Level web app's address for a device. Level documents no such URL (only
// that app.level.io is its web UI), so the template comes from configuration (LEVEL_APP_URL +
// LEVEL_APP_DEVICE_PATH, checked at start-up) and this only fills in the id.

/** `https://app.level.io/devices/{id}`: the one `{id}` is replaced by the URL-encoded device id. */
export type LevelDeviceUrlTemplate = string;

export function levelDeviceUrl(template: LevelDeviceUrlTemplate, deviceId: string): string {
  return template.replace('{id}', encodeURIComponent(deviceId));
}
