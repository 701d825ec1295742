/**
 * The station's side of a secure firmware update (L01): it refuses a signing certificate that does
 * not chain to its manufacturer root before it downloads anything, and a downloaded image whose
 * signature does not verify; a genuine image signed by the manufacturer goes through to Installing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LoopbackFileService } from '../kernel/files/file-service';
import { firmwareImage } from '../kernel/firmware/firmware-image';
import { type FirmwarePki, ensureFirmwarePki } from '../kernel/firmware/firmware-pki';
import { signFirmware } from '../kernel/firmware/firmware-signing';
import { FIRMWARE } from '../support/station/areas/firmware/state';
import type { ChargingStation } from '../support/station/core/charging-station';
import { testStation } from './helpers/station';

let pki: FirmwarePki;
let files: LoopbackFileService;
const image = firmwareImage('unit-test-firmware.bin', 4096);

before(async () => {
  [pki, files] = await Promise.all([ensureFirmwarePki(), LoopbackFileService.start()]);
  files.publish('/genuine.bin', image.bytes);
  const tampered = Buffer.from(image.bytes);
  tampered[100] ^= 0x01;
  files.publish('/tampered.bin', tampered);
});

after(() => files.close());

function trustingStation(): ChargingStation {
  const station = testStation();
  station.state(FIRMWARE).trust = { roots: [pki.manufacturerRoot.certPem], revokedSerials: pki.revokedSerials };
  return station;
}

/** The FirmwareStatusNotification statuses the update went through, until `last`. */
async function statusesUntil(station: ChargingStation, last: string): Promise<string[]> {
  const journal = station.state(FIRMWARE).journal;
  const statuses: string[] = [];
  for (;;) {
    const exchange = await journal.next(5000, `FirmwareStatusNotification ${last}`);
    if (exchange.action !== 'FirmwareStatusNotification') continue;
    const { status } = exchange.request as { status: string };
    statuses.push(status);
    if (status === last) return statuses;
  }
}

function request(location: string, signingCertificate: string, signature: string) {
  return { requestId: 7, firmware: { location, retrieveDateTime: new Date().toISOString(), signingCertificate, signature } };
}

describe('firmware update on the station', () => {
  test('a signing certificate from another root is refused before anything is downloaded', async () => {
    const station = trustingStation();
    const signature = signFirmware(image.bytes, pki.foreignSigning.keyPem);
    const answer = await station.replyTo('UpdateFirmware', request(files.url('/genuine.bin'), pki.foreignSigning.certPem, signature));
    assert.equal((answer as { status: string }).status, 'InvalidCertificate');
    assert.equal(station.state(FIRMWARE).update, undefined);
    const event = await station.state(FIRMWARE).journal.next(5000, 'SecurityEventNotification');
    assert.equal((event.request as { type: string }).type, 'InvalidFirmwareSigningCertificate');
    station.clock.cancelAll();
  });

  test('a revoked signing certificate is refused as RevokedCertificate', async () => {
    const station = trustingStation();
    const signature = signFirmware(image.bytes, pki.revokedSigning.keyPem);
    const answer = await station.replyTo('UpdateFirmware', request(files.url('/genuine.bin'), pki.revokedSigning.certPem, signature));
    assert.equal((answer as { status: string }).status, 'RevokedCertificate');
    station.clock.cancelAll();
  });

  test('a tampered image is refused after the download: InvalidSignature', async () => {
    const station = trustingStation();
    const signature = signFirmware(image.bytes, pki.signing.keyPem);
    const answer = await station.replyTo('UpdateFirmware', request(files.url('/tampered.bin'), pki.signing.certPem, signature));
    assert.equal((answer as { status: string }).status, 'Accepted');
    assert.deepEqual(await statusesUntil(station, 'InvalidSignature'), ['Downloading', 'Downloaded', 'InvalidSignature']);
    station.clock.cancelAll();
  });

  test('the genuine image signed by the manufacturer is verified and installed', async () => {
    const station = trustingStation();
    station.state(FIRMWARE).installOutcome = 'fails verification';
    const signature = signFirmware(image.bytes, pki.signing.keyPem);
    await station.replyTo('UpdateFirmware', request(files.url('/genuine.bin'), pki.signing.certPem, signature));
    assert.deepEqual(await statusesUntil(station, 'InstallVerificationFailed'), [
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'Installing',
      'InstallVerificationFailed',
    ]);
    station.clock.cancelAll();
  });
});
