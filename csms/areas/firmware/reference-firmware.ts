/**
 * The firmware the reference CSMS offers when the operator names none: an image on its own loopback
 * file service (started on first use, in the standalone mode as in the embedded one), signed with
 * the manufacturer's firmware signing certificate of the generated firmware PKI, as a CSO's
 * firmware repository holds what the manufacturer shipped.
 */
import { LoopbackFileService } from '../../../kernel/files/file-service';
import { firmwareImage } from '../../../kernel/firmware/firmware-image';
import { ensureFirmwarePki } from '../../../kernel/firmware/firmware-pki';
import { signFirmware } from '../../../kernel/firmware/firmware-signing';

export interface ReferenceFirmware {
  location: string;
  /** MD5, for PublishFirmware. */
  checksum: string;
  signingCertificate: string;
  signature: string;
}

const IMAGE_NAME = 'reference-csms-firmware-2.0.bin';
let offering: Promise<{ service: LoopbackFileService; firmware: ReferenceFirmware }> | undefined;

async function start(): Promise<{ service: LoopbackFileService; firmware: ReferenceFirmware }> {
  const [service, pki] = await Promise.all([LoopbackFileService.start(), ensureFirmwarePki()]);
  const image = firmwareImage(IMAGE_NAME);
  const path = `/firmware/${IMAGE_NAME}`;
  service.publish(path, image.bytes);
  return {
    service,
    firmware: {
      location: service.url(path),
      checksum: image.md5Hex,
      signingCertificate: pki.signing.certPem,
      signature: signFirmware(image.bytes, pki.signing.keyPem),
    },
  };
}

export async function referenceFirmware(): Promise<ReferenceFirmware> {
  offering ??= start();
  return (await offering).firmware;
}

/** Stops the file service, if it ever started. */
export async function closeReferenceFirmware(): Promise<void> {
  const running = offering;
  offering = undefined;
  await (await running)?.service.close();
}
