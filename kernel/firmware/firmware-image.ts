import { createHash } from 'node:crypto';

/** A firmware file to serve: its bytes and the digests the messages carry (PublishFirmware's MD5 checksum, L03). */
export interface FirmwareImage {
  name: string;
  bytes: Buffer;
  md5Hex: string;
  sha256Hex: string;
}

export const DEFAULT_FIRMWARE_SIZE = 64 * 1024;

/**
 * The same bytes for the same name and size in every process, so the reference CSMS and the suite can
 * each build the image and agree on its checksum and signature without sharing a file. The bytes are
 * a SHA-256 stream, so no two names share a prefix and a one-byte tamper changes every digest.
 */
export function firmwareImage(name: string, size: number = DEFAULT_FIRMWARE_SIZE): FirmwareImage {
  if (!Number.isInteger(size) || size < 0) throw new Error(`a firmware image size must be a whole number of bytes, not ${size}`);
  const header = Buffer.from(`OCPP-TEST-FIRMWARE ${name}\n`, 'utf8');
  const blocks: Buffer[] = [header];
  let length = header.length;
  for (let counter = 0; length < size; counter += 1) {
    const block = createHash('sha256').update(`${counter}\0${name}`).digest();
    blocks.push(block);
    length += block.length;
  }
  const bytes = Buffer.concat(blocks).subarray(0, size);
  return {
    name,
    bytes,
    md5Hex: createHash('md5').update(bytes).digest('hex'),
    sha256Hex: createHash('sha256').update(bytes).digest('hex'),
  };
}
