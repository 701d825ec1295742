/**
 * The manufacturer's side of a firmware update, which the suite provides on loopback: a firmware
 * server (one loopback file service per process, started on first use) offering images signed with
 * the manufacturer PKI (generated into .pki/firmware), and the trust a station gets from that PKI
 * or from MANUFACTURER_ROOT_CERT. What a scenario needs of it (an intact, corrupted or missing
 * image; a valid, revoked or foreign signing certificate) is set up here, so every outcome has a
 * real cause the station finds out by itself.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../../../../kernel/config';
import { LoopbackFileService } from '../../../../kernel/files/file-service';
import { firmwareImage } from '../../../../kernel/firmware/firmware-image';
import { type FirmwarePki, type KeyedCertificate, ensureFirmwarePki } from '../../../../kernel/firmware/firmware-pki';
import { signFirmware } from '../../../../kernel/firmware/firmware-signing';
import type { ManufacturerTrust } from './state';

export type SigningKey = 'manufacturer' | 'revoked' | 'foreign';
export type Served = 'intact' | 'corrupted' | 'missing' | 'failing once';

export interface OfferedFirmware {
  name: string;
  path: string;
  location: string;
  /** MD5 of the genuine image (PublishFirmware's checksum). */
  checksum: string;
  signingCertificate: string;
  signature: string;
}

let server: Promise<LoopbackFileService> | undefined;

export function firmwareServer(): Promise<LoopbackFileService> {
  server ??= LoopbackFileService.start();
  return server;
}

export async function closeFirmwareServer(): Promise<void> {
  const running = server;
  server = undefined;
  await (await running)?.close();
}

function signer(pki: FirmwarePki, key: SigningKey): KeyedCertificate {
  return key === 'manufacturer' ? pki.signing : key === 'revoked' ? pki.revokedSigning : pki.foreignSigning;
}

/** Publishes the image `name` (or not, or a corrupted copy) and signs the genuine one with the chosen key. */
export async function offerFirmware(name: string, key: SigningKey, served: Served): Promise<OfferedFirmware> {
  const [files, pki] = await Promise.all([firmwareServer(), ensureFirmwarePki()]);
  const image = firmwareImage(name);
  const path = `/firmware/${randomUUID()}/${encodeURIComponent(name)}`;
  if (served === 'corrupted') {
    const corrupted = Buffer.from(image.bytes);
    corrupted[corrupted.length >> 1] ^= 0xff;
    files.publish(path, corrupted);
  } else if (served !== 'missing') {
    files.publish(path, image.bytes);
  }
  if (served === 'failing once') files.failNext(path, 1, 503);
  const signing = signer(pki, key);
  return {
    name,
    path,
    location: files.url(path),
    checksum: image.md5Hex,
    signingCertificate: signing.certPem,
    signature: signFirmware(image.bytes, signing.keyPem),
  };
}

/** The station's ManufacturerRootCertificate: MANUFACTURER_ROOT_CERT when given, else the generated root. */
export async function manufacturerTrust(config: Config): Promise<ManufacturerTrust> {
  const pki = await ensureFirmwarePki();
  const root = config.MANUFACTURER_ROOT_CERT ? readFileSync(config.MANUFACTURER_ROOT_CERT, 'utf8') : pki.manufacturerRoot.certPem;
  return { roots: [root], revokedSerials: pki.revokedSerials };
}
