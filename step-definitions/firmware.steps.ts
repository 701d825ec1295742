/**
 * Steps of block L in domain words. The firmware server (the manufacturer's side) and the station's
 * own state give every outcome its cause; the station's firmware processes send their messages as
 * they run, and each "reports" step takes the next of them, in order (support/station/areas/firmware).
 */
import { AfterAll, type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { BootReasonEnumType, ConnectorStatusEnumType, FirmwareStatusEnumType } from '../schemas/ocpp201-messages';
import type { PublishFirmwareStatusEnumType } from '../schemas/ocpp201-messages';
import { createHash } from 'node:crypto';
import { stateSlot } from '../kernel/state-slots';
import type { Exchange } from '../support/station/core/charging-station';
import { FirmwarePublish } from '../support/station/areas/firmware/firmware-publish';
import {
  type OfferedFirmware,
  type Served,
  type SigningKey,
  closeFirmwareServer,
  manufacturerTrust,
  offerFirmware,
} from '../support/station/areas/firmware/firmware-server';
import { describeExchange } from '../support/station/areas/firmware/journal';
import { closeLocalFileServer } from '../support/station/areas/firmware/local-server';
import { FIRMWARE, type FirmwareState } from '../support/station/areas/firmware/state';
import { ValidationError, checkFields } from '../support/validation/field-checks';
import { assignPath, valueAt } from '../support/validation/paths';
import { resolveValue } from '../support/validation/values';
import type { OcttWorld } from '../support/world';

const OFFERS = stateSlot('firmware offers', () => new Map<string, OfferedFirmware>());

AfterAll(async function () {
  await Promise.all([closeFirmwareServer(), closeLocalFileServer()]);
});

async function firmwareOf(world: OcttWorld): Promise<FirmwareState> {
  const state = world.station().state(FIRMWARE);
  state.trust ??= await manufacturerTrust(world.config);
  return state;
}

async function offer(world: OcttWorld, name: string, key: SigningKey, served: Served): Promise<void> {
  await firmwareOf(world);
  world.scenarioState(OFFERS).set(name, await offerFirmware(name, key, served));
}

function offered(world: OcttWorld, name: string): OfferedFirmware {
  const firmware = world.scenarioState(OFFERS).get(name);
  if (!firmware)
    throw new Error(`no firmware "${name}" was offered in this scenario: a "Given the firmware server offers …" step comes first`);
  return firmware;
}

// ---------------------------------------------------------------------------------------------
// The firmware server and the station's state

Given('the firmware server offers the firmware {string} signed by the manufacturer', async function (this: OcttWorld, name: string) {
  await offer(this, name, 'manufacturer', 'intact');
});

Given(
  'the firmware server offers the firmware {string} signed with a revoked signing certificate of the manufacturer',
  async function (this: OcttWorld, name: string) {
    await offer(this, name, 'revoked', 'intact');
  },
);

Given(
  'the firmware server offers the firmware {string} signed with a signing certificate of another manufacturer',
  async function (this: OcttWorld, name: string) {
    await offer(this, name, 'foreign', 'intact');
  },
);

Given(
  'the firmware server offers a corrupted copy of the firmware {string} signed by the manufacturer',
  async function (this: OcttWorld, name: string) {
    await offer(this, name, 'manufacturer', 'corrupted');
  },
);

Given(
  'the firmware {string} signed by the manufacturer is missing from the firmware server',
  async function (this: OcttWorld, name: string) {
    await offer(this, name, 'manufacturer', 'missing');
  },
);

Given(
  'the firmware server offers the firmware {string} signed by the manufacturer, failing its first download',
  async function (this: OcttWorld, name: string) {
    await offer(this, name, 'manufacturer', 'failing once');
  },
);

Given('the charging station fails to verify the firmware it installs', async function (this: OcttWorld) {
  (await firmwareOf(this)).installOutcome = 'fails verification';
});

Given('the charging station fails to install the firmware', async function (this: OcttWorld) {
  (await firmwareOf(this)).installOutcome = 'fails installation';
});

Given('the charging station cannot cancel a firmware update in progress', async function (this: OcttWorld) {
  (await firmwareOf(this)).canCancelUpdate = false;
});

Given("the charging station's local file server is out of service", async function (this: OcttWorld) {
  (await firmwareOf(this)).localServerOutOfService = true;
});

Given('the charging station publishes the firmware {string} as Local Controller', async function (this: OcttWorld, name: string) {
  const firmware = offered(this, name);
  const state = await firmwareOf(this);
  const publish = new FirmwarePublish(this.station(), state, { location: firmware.location, checksum: firmware.checksum });
  state.publish = publish;
  const outcome = await publish.run();
  if (outcome !== 'Published') throw new Error(`the station could not publish "${name}" (${outcome})`);
});

Given(
  'the charging station is downloading the firmware {string} to publish it, retrying every {int} s',
  async function (this: OcttWorld, name: string, retryInterval: number) {
    const firmware = offered(this, name);
    const state = await firmwareOf(this);
    const order = { location: firmware.location, checksum: firmware.checksum, retries: 1, retryInterval };
    const publish = new FirmwarePublish(this.station(), state, order);
    state.publish = publish;
    void publish.run();
  },
);

// ---------------------------------------------------------------------------------------------
// The operator

/** A `| field | value |` table where `<station clock + N s>` is N station seconds from now, as the station's scaled clock counts them. */
function withStationTimes(world: OcttWorld, table: DataTable | undefined): Record<string, unknown> {
  const clock = world.station().clock;
  const params: Record<string, unknown> = {};
  for (const [field, cell] of table ? table.raw().slice(1) : []) {
    const ahead = /^<station clock \+ (\d+) s>$/.exec(cell.trim());
    const value = ahead ? clock.timestampIn(Number(ahead[1])).toISOString() : resolveValue(cell, world.valueContext()).value;
    assignPath(params, field.trim(), value);
  }
  return params;
}

function describe(params: Record<string, unknown>): string {
  return JSON.stringify(params, (key, value: unknown) =>
    key === 'signingCertificate' || key === 'signature' ? `[${String(value).length} chars]` : value,
  );
}

function askUpdate(world: OcttWorld, name: string, table: DataTable | undefined): void {
  const firmware = offered(world, name);
  const extra = withStationTimes(world, table);
  const params = {
    ...extra,
    firmware: {
      location: firmware.location,
      retrieveDateTime: world.station().clock.now().toISOString(),
      signingCertificate: firmware.signingCertificate,
      signature: firmware.signature,
      ...((extra.firmware as Record<string, unknown> | undefined) ?? {}),
    },
  };
  world.askCsms('UpdateFirmware', params, `Make the CSMS send an UpdateFirmwareRequest to ${world.station().id} with ${describe(params)}.`);
}

When('the CSMS is asked to send an UpdateFirmwareRequest for the firmware {string}', function (this: OcttWorld, name: string) {
  askUpdate(this, name, undefined);
});

When(
  'the CSMS is asked to send an UpdateFirmwareRequest for the firmware {string} with',
  function (this: OcttWorld, name: string, table: DataTable) {
    askUpdate(this, name, table);
  },
);

When('the CSMS is asked to send a PublishFirmwareRequest for the firmware {string}', function (this: OcttWorld, name: string) {
  const firmware = offered(this, name);
  const params = { location: firmware.location, checksum: firmware.checksum };
  this.askCsms('PublishFirmware', params, `Make the CSMS send a PublishFirmwareRequest to ${this.station().id} with ${describe(params)}.`);
});

When('the CSMS is asked to send an UnpublishFirmwareRequest for the firmware {string}', function (this: OcttWorld, name: string) {
  const params = { checksum: offered(this, name).checksum };
  this.askCsms(
    'UnpublishFirmware',
    params,
    `Make the CSMS send an UnpublishFirmwareRequest to ${this.station().id} with ${describe(params)}.`,
  );
});

Then('its {field} is a date-time later than when the charging station received it', function (this: OcttWorld, field: string) {
  const call = this.inspected?.call;
  if (!call) throw new Error('no CSMS request to look at: wait for one with "the CSMS sends a …Request"');
  const value = valueAt(call.payload, field);
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at) || at <= call.receivedAt.getTime()) {
    throw new ValidationError([
      {
        message: `${call.action}Request`,
        field,
        expected: `a date-time later than ${call.receivedAt.toISOString()}`,
        actual: String(value),
      },
    ]);
  }
});

// ---------------------------------------------------------------------------------------------
// What the station's firmware processes send

async function nextSent(
  world: OcttWorld,
  action: string,
  what: string,
  matches: (request: Record<string, unknown>) => boolean,
): Promise<Exchange> {
  const journal = world.station().state(FIRMWARE).journal;
  const exchange = await journal.next(world.actionTimeoutMs, what);
  if (exchange.action !== action || !matches(exchange.request as Record<string, unknown>)) {
    throw new Error(`the charging station was to send ${what} next, but sent ${describeExchange(exchange)}`);
  }
  if (exchange.failure) throw new Error(`the CSMS did not answer the ${describeExchange(exchange)}: ${exchange.failure.message}`);
  world.inspected = { name: `${action}Response`, payload: exchange.response };
  world.latestExchanges = [exchange];
  return exchange;
}

Then('the charging station reports the firmware status {firmwareStatus}', async function (this: OcttWorld, status: FirmwareStatusEnumType) {
  const update = this.station().state(FIRMWARE).update;
  await nextSent(
    this,
    'FirmwareStatusNotification',
    `a FirmwareStatusNotificationRequest ${status}`,
    (request) => request.status === status,
  );
  const sent = this.latestExchanges?.[0]?.request as { requestId?: number } | undefined;
  if (update && sent?.requestId !== update.request.requestId) {
    throw new Error(
      `the FirmwareStatusNotificationRequest carries requestId ${String(sent?.requestId)}, not the update's ${update.request.requestId}`,
    );
  }
});

Then(
  'the charging station reports the publish firmware status {publishFirmwareStatus}',
  async function (this: OcttWorld, status: PublishFirmwareStatusEnumType) {
    await nextSent(
      this,
      'PublishFirmwareStatusNotification',
      `a PublishFirmwareStatusNotificationRequest ${status}`,
      (request) => request.status === status,
    );
  },
);

Then(
  'the charging station reports the publish firmware status Published with the URI it serves the firmware {string} at',
  async function (this: OcttWorld, name: string) {
    const exchange = await nextSent(
      this,
      'PublishFirmwareStatusNotification',
      'a PublishFirmwareStatusNotificationRequest Published',
      (request) => request.status === 'Published',
    );
    const { location } = exchange.request as { location?: string[] };
    checkFields(
      'PublishFirmwareStatusNotificationRequest',
      exchange.request,
      [{ field: 'location', expectation: 'at least 1 elements' }],
      this.valueContext(),
    );
    const bytes = Buffer.from(await (await fetch(location?.[0] ?? '')).arrayBuffer());
    const md5 = createHash('md5').update(bytes).digest('hex');
    if (md5 !== offered(this, name).checksum) throw new Error(`${location?.[0]} serves a file with MD5 ${md5}, not the firmware "${name}"`);
  },
);

Then('the charging station no longer serves the firmware {string}', async function (this: OcttWorld, name: string) {
  const state = this.station().state(FIRMWARE);
  if (state.published.has(offered(this, name).checksum)) throw new Error(`the station still publishes "${name}"`);
});

Then('the charging station reports the security event {word}', async function (this: OcttWorld, type: string) {
  await nextSent(this, 'SecurityEventNotification', `a SecurityEventNotificationRequest ${type}`, (request) => request.type === type);
});

Then('the charging station reboots and boots with reason {bootReason}', async function (this: OcttWorld, reason: BootReasonEnumType) {
  await nextSent(this, 'BootNotification', `a BootNotificationRequest ${reason}`, (request) => request.reason === reason);
});

Then(
  'the charging station reports on its own that its connectors are {connectorStatus}',
  async function (this: OcttWorld, status: ConnectorStatusEnumType) {
    for (const { evse, connector } of this.station().topology.allConnectors()) {
      const here = (request: Record<string, unknown>): boolean => request.evseId === evse.id && request.connectorId === connector.id;
      await nextSent(
        this,
        'StatusNotification',
        `a StatusNotificationRequest ${status} of ${evse.id}/${connector.id}`,
        (request) => here(request) && request.connectorStatus === status,
      );
      await nextSent(this, 'NotifyEvent', `a NotifyEventRequest AvailabilityState ${status}`, (request) => {
        const data = (request.eventData as Array<{ actualValue?: string }> | undefined)?.[0];
        return data?.actualValue === status;
      });
    }
  },
);
