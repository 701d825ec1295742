import { Given, When } from '@cucumber/cucumber';
import type { BootReasonEnumType, ConnectorStatusEnumType } from '../schemas/ocpp201-messages';
import type { OcttWorld } from '../support/world';
import { bootAccepted, reportAllConnectors } from './station-actions';

/** The common preamble (catalog convention 4): connect, boot Accepted, report every connector. */
Given('the charging station is booted and all its connectors are Available', async function (this: OcttWorld) {
  const station = this.station();
  await station.connect();
  await bootAccepted(this, station);
});

Given('the charging station is connected to the CSMS', async function (this: OcttWorld) {
  await this.station().connect();
});

When('the charging station connects to the CSMS', async function (this: OcttWorld) {
  await this.station().connect();
});

When('the charging station disconnects from the CSMS', async function (this: OcttWorld) {
  await this.station().disconnect();
});

When('the charging station boots with reason {bootReason}', async function (this: OcttWorld, reason: BootReasonEnumType) {
  const response = await this.station().boot(reason);
  this.inspected = { name: 'BootNotificationResponse', payload: response };
});

When('the charging station reboots with reason {bootReason}', async function (this: OcttWorld, reason: BootReasonEnumType) {
  const response = await this.station().reboot(reason);
  this.inspected = { name: 'BootNotificationResponse', payload: response };
});

When(
  'the charging station reports all its connectors {connectorStatus}',
  async function (this: OcttWorld, status: ConnectorStatusEnumType) {
    await reportAllConnectors(this.station(), status);
  },
);

When(
  'the charging station reports the configured connector {connectorStatus}',
  async function (this: OcttWorld, status: ConnectorStatusEnumType) {
    await this.station().reportConnectorStatus(this.config.CONFIGURED_EVSE_ID, this.config.CONFIGURED_CONNECTOR_ID, status);
  },
);
