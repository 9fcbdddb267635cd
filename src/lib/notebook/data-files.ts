/**
 * Files a notebook downloads from the site it was exported from. The checksums are those of the
 * files in the repository; a unit test (`data-files.test.ts`) recomputes them, so they cannot
 * go stale when a file is rewritten.
 */
export interface DataFile {
  /** Name the notebook saves it under (next to the notebook) and the widget offers it as. */
  filename: string;
  /** Where it lives in the repository (the build serves it as a hashed asset). */
  source: string;
  /** Size in bytes of the file as served. */
  bytes: number;
  /** SHA-256 of the file as served (gzip). */
  sha256: string;
  /** SHA-256 of its contents once inflated, for a host that already inflated it in transit. */
  sha256Inflated: string;
}

export const dataFiles = {
  'mnist-subset': {
    filename: 'mnist-subset.bin',
    source: 'src/data/mnist/mnist-subset.bin',
    bytes: 977_067,
    sha256: '3f55de3ce73afa5db378d78f0e8b1d853a500d5b07869846dc5184a697f10e11',
    sha256Inflated: 'c83241e9085fdf0fa03061a1282098d0f769526fbed8e58c469118a739fce05f',
  },
} as const satisfies Record<string, DataFile>;

export type DataFileId = keyof typeof dataFiles;
