import {
  isJsonObject,
  optionalEpochSeconds,
  optionalObject,
  payloadTime,
  optionalText,
  requireObject,
  requireText,
  type JsonObject,
} from '@baton/plugin-sre-node';
import { InputError } from '@backstage/errors';
import { isHttpUrl } from '@baton/plugin-sre-common';
import type {
  AlertDelivery,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { mackerelAlertEvent, mackerelAlertStatus } from './mackerelAlertEvent';

function httpUrl(value: string | undefined): string | undefined {
  return isHttpUrl(value) ? value : undefined;
}

/**
 * Receives Mackerel's webhook notifications
 * (https://mackerel.io/docs/entry/howto/alerts/webhook): `event: "alert"`
 * deliveries become alert events keyed by the alert id; other events (host
 * status, host registration or retirement, alert groups, test notifications)
 * yield none. Mackerel's webhook channel has a URL and nothing else (no
 * header), so this source alone takes its secret as the `token` query
 * parameter.
 *
 * @public
 */
export class MackerelAlertReceiver implements AlertWebhookReceiver {
  readonly source = 'mackerel' as const;
  readonly acceptsQueryToken = true;

  parse(request: AlertWebhookRequest): AlertDelivery {
    const body = request.body;
    if (!isJsonObject(body)) {
      throw new InputError('the body must be a JSON object');
    }
    const event = body.event;
    if (typeof event !== 'string' || event === '') {
      throw new InputError(
        'event must be a non-empty string (Mackerel sends "alert" for alerts)',
      );
    }
    if (event !== 'alert') return { events: [] };

    const alert = requireObject(body.alert, 'alert');
    const status = mackerelAlertStatus(alert.status);
    if (!status) {
      throw new InputError(
        'alert.status must be one of ok, warning, critical, unknown',
      );
    }
    if (typeof alert.isOpen !== 'boolean') {
      throw new InputError('alert.isOpen must be a boolean');
    }
    const host = optionalObject(body.host, 'host');
    const service = optionalObject(body.service, 'service');
    const role = host ? firstRole(host) : undefined;

    return {
      events: [
        mackerelAlertEvent({
          id: requireText(alert, 'id', 'alert.id', 256),
          status,
          isOpen: alert.isOpen,
          trigger: optionalText(alert, 'trigger', 'alert.trigger'),
          openedAt: openedAt(alert),
          closedAt: optionalEpochSeconds(alert, 'closedAt', 'alert.closedAt'),
          statusChangedAt: optionalEpochSeconds(
            alert,
            'statusChangedAt',
            'alert.statusChangedAt',
          ),
          monitorName: requireText(
            alert,
            'monitorName',
            'alert.monitorName',
            512,
          ),
          hostName: host && optionalText(host, 'name', 'host.name'),
          serviceName:
            (service && optionalText(service, 'name', 'service.name')) ??
            role?.serviceName,
          roleName: role?.roleName,
          orgName: optionalText(body, 'orgName', 'orgName'),
          // Mackerel's own page; anything but http(s) is dropped, not the alert.
          url: httpUrl(optionalText(alert, 'url', 'alert.url')),
        }),
      ],
    };
  }
}

/** `alert.openedAt` in epoch seconds; the deprecated `createdAt` (milliseconds) when it is missing. */
function openedAt(alert: JsonObject): number {
  const seconds = optionalEpochSeconds(alert, 'openedAt', 'alert.openedAt');
  if (seconds !== undefined) return seconds;
  const createdAt = alert.createdAt;
  if (typeof createdAt === 'number') {
    payloadTime(createdAt, 'alert.createdAt');
    return Math.floor(createdAt / 1000);
  }
  throw new InputError('alert.openedAt must be a time in epoch seconds');
}

/** The host's first role (`{ serviceName, roleName, … }`), which gives the alert its service. */
function firstRole(
  host: JsonObject,
): { serviceName?: string; roleName?: string } | undefined {
  const roles = host.roles;
  if (roles === undefined || roles === null) return undefined;
  if (!Array.isArray(roles)) {
    throw new InputError('host.roles must be a list of roles');
  }
  if (roles.length === 0) return undefined;
  const role = requireObject(roles[0], 'host.roles[0]');
  return {
    serviceName: optionalText(role, 'serviceName', 'host.roles[0].serviceName'),
    roleName: optionalText(role, 'roleName', 'host.roles[0].roleName'),
  };
}
