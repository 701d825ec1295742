/**
 * Every functional area of the mock station, one folder each: its state, its default answers to
 * the CSMS requests it owns, and what it adds to the device model. A default answer only answers and
 * updates the station's own state; what a station sends afterwards (a NotifyReport, a
 * StatusNotification, a BootNotification after a reset) is a step of the scenario, so that it is
 * visible in the Gherkin as it is in the OCTT's numbered steps.
 */
import type { StationArea } from '../core/charging-station';
import { authorizationArea } from './authorization/area';
import { availabilityArea } from './availability/area';
import { certificatesArea } from './certificates/area';
import { dataTransferArea } from './data-transfer/area';
import { diagnosticsArea } from './diagnostics/area';
import { displayMessagesArea } from './display-messages/area';
import { firmwareArea } from './firmware/area';
import { meterValuesArea } from './meter-values/area';
import { provisioningArea } from './provisioning/area';
import { remoteControlArea } from './remote-control/area';
import { reservationArea } from './reservation/area';
import { securityArea } from './security/area';
import { smartChargingArea } from './smart-charging/area';
import { tariffCostArea } from './tariff-cost/area';
import { transactionsArea } from './transactions/area';

export const STATION_AREAS: readonly StationArea[] = [
  securityArea,
  provisioningArea,
  authorizationArea,
  transactionsArea,
  meterValuesArea,
  remoteControlArea,
  availabilityArea,
  reservationArea,
  tariffCostArea,
  smartChargingArea,
  firmwareArea,
  certificatesArea,
  diagnosticsArea,
  displayMessagesArea,
  dataTransferArea,
];
