import { stateSlot } from '../../../../kernel/state-slots';
import type { StationState } from '../../core/charging-station';
import { ProcessJournal } from './journal';
import type { UpdateFirmwareRequest } from '../../../../schemas/ocpp201-messages';

/** What the station trusts for firmware: its ManufacturerRootCertificate(s) and the serials the manufacturer revoked. */
export interface ManufacturerTrust {
  roots: string[];
  revokedSerials: string[];
}

/** A firmware update in progress, as the station's answers see it (firmware-update.ts runs it). */
export interface UpdateInProgress {
  readonly running: boolean;
  readonly request: UpdateFirmwareRequest;
  cancel(): void;
  transactionEnded(): void;
}

/** A publication in progress (firmware-publish.ts runs it). */
export interface PublishInProgress {
  readonly running: boolean;
  readonly downloading: boolean;
  readonly checksum: string;
}

/** How the installation of a verified image ends on this station. */
export type InstallOutcome = 'installs' | 'fails verification' | 'fails installation';

export interface FirmwareState {
  /** Unset: the station holds no manufacturer root, so no signing certificate is valid. */
  trust: ManufacturerTrust | undefined;
  installOutcome: InstallOutcome;
  /** Whether a new UpdateFirmwareRequest may cancel the one in progress (L01.FR.24) or is Rejected (L01.FR.27). */
  canCancelUpdate: boolean;
  /** The local controller's file server is out of service: a verified firmware cannot be published (PublishFailed). */
  localServerOutOfService: boolean;
  update: UpdateInProgress | undefined;
  publish: PublishInProgress | undefined;
  /** Firmware the station publishes as Local Controller, by MD5 checksum (lower-case hex). */
  published: Map<string, { path: string; locations: string[] }>;
  /** What the firmware processes sent, for the scenario's steps to take in order. */
  journal: ProcessJournal;
  /** The version the station runs (BootNotification's firmwareVersion after an update). */
  installedImage: string | undefined;
}

export const FIRMWARE: StationState<FirmwareState> = stateSlot('firmware', () => ({
  trust: undefined,
  installOutcome: 'installs',
  canCancelUpdate: true,
  localServerOutOfService: false,
  update: undefined,
  publish: undefined,
  published: new Map(),
  journal: new ProcessJournal(),
  installedImage: undefined,
}));
