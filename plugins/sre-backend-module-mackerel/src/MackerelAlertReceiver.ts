import {
  isJsonObject,
  optionalObject,
  optionalText,
  requireObject,
  requireText,
  type JsonObject,
} from '@baton/plugin-sre-node';
import { InputError } from '@backstage/errors';
import type {
  AlertDelivery,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { mackerelAlertEvent, mackerelAlertStatus } from './mackerelAlertEvent';

/**
 * Receives Mackerel's webhook notifications
 * (https://mackerel.io/docs/entry/howto/alerts/webhook): `event: "alert"`
 * deliveries become alert events keyed by the alert id; other events (host
 * status, host registration or retirement, alert groups, test notifications)
 * yield none. Mackerel can only call a URL, so the backend checks its secret
 * as the `token` query parameter.
 *
 * @public
 */
export class MackerelAlertReceiver implements AlertWebhookReceiver {
  readonly source = 'mackerel' as const;

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
          id: requireText(alert, 'id', 'alert.id'),
          status,
          isOpen: alert.isOpen,
          trigger: optionalText(alert, 'trigger', 'alert.trigger'),
          openedAt: openedAt(alert),
          closedAt: epochSeconds(alert, 'closedAt', 'alert.closedAt'),
          statusChangedAt: epochSeconds(
            alert,
            'statusChangedAt',
            'alert.statusChangedAt',
          ),
          monitorName: requireText(alert, 'monitorName', 'alert.monitorName'),
          hostName: host && optionalText(host, 'name', 'host.name'),
          serviceName:
            (service && optionalText(service, 'name', 'service.name')) ??
            role?.serviceName,
          roleName: role?.roleName,
          orgName: optionalText(body, 'orgName', 'orgName'),
          url: optionalText(alert, 'url', 'alert.url'),
        }),
      ],
    };
  }
}

/** `alert.openedAt` in epoch seconds; the deprecated `createdAt` (milliseconds) when it is missing. */
function openedAt(alert: JsonObject): number {
  const seconds = epochSeconds(alert, 'openedAt', 'alert.openedAt');
  if (seconds !== undefined) return seconds;
  const createdAt = alert.createdAt;
  if (typeof createdAt === 'number' && Number.isFinite(createdAt)) {
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

function epochSeconds(
  parent: JsonObject,
  key: string,
  field: string,
): number | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(`${field} must be a time in epoch seconds`);
  }
  return value;
}
